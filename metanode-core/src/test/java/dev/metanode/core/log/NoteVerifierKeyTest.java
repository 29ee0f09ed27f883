package dev.metanode.core.log;

import static dev.metanode.core.log.GoNoteVectors.ENOCH_VKEY;
import static dev.metanode.core.log.GoNoteVectors.PETER_VKEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.crypto.SigningKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class NoteVerifierKeyTest {
    @Test
    void parsesAndFormatsGoVerifierKeys() throws NoteFormatException {
        for (String text : new String[] {PETER_VKEY, ENOCH_VKEY, GoNoteVectors.SUMDB_VKEY}) {
            NoteVerifierKey key = NoteVerifierKey.parse(text);
            assertEquals(text, key.format());
            assertEquals(key, NoteVerifierKey.of(key.name(), key.publicKey()), "key id is recomputed the same");
        }
        NoteVerifierKey peter = NoteVerifierKey.parse(PETER_VKEY);
        assertEquals("PeterNeumann", peter.name());
        assertEquals(0xc74f20a3, peter.keyId());
        assertEquals("c74f20a3", peter.keyIdHex());
    }

    @Test
    void theGoSignerSeedGivesTheGoVerifierKey() throws NoteFormatException {
        NoteKey key = new NoteKey("PeterNeumann", SigningKey.fromSeed(GoNoteVectors.peterSeed()));
        assertEquals(NoteVerifierKey.parse(PETER_VKEY), key.verifierKey());
        assertEquals(PETER_VKEY, key.verifierKey().format());
    }

    @Test
    void rejectsEveryManglingGoRejects() {
        // Go's TestNewVerifier: every proper substring and every single-byte increment must fail.
        byte[] b = PETER_VKEY.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i <= b.length; i++) {
            for (int j = i + 1; j <= b.length; j++) {
                if (i != 0 || j != b.length) {
                    assertRejected(new String(b, i, j - i, StandardCharsets.US_ASCII));
                }
            }
        }
        for (int i = 0; i < b.length; i++) {
            b[i]++;
            assertRejected(new String(b, StandardCharsets.US_ASCII));
            b[i]--;
        }
        // Wrong key length and unknown algorithm, each with a key id adjusted to match.
        assertRejected("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==");
        assertRejected("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
    }

    @Test
    void errorMessagesNameTheProblem() {
        assertMessage("no-plus-signs", "form");
        assertMessage("+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "name");
        assertMessage("Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "name");
        assertMessage("PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "8 hex digits");
        assertMessage("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T", "base64");
        assertMessage("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "does not match");
        assertMessage("PeterNeumann+c74f20a3+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "type 0x01");
        assertMessage("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy1A==", "32 bytes");
    }

    @Test
    void rejectsKeysThatAreNotCurvePoints() {
        // y = 2 does not decode to a point on edwards25519, so no signature could ever verify.
        byte[] typed = new byte[33];
        typed[0] = 1;
        typed[1] = 2;
        String name = "bad.example";
        NoteFormatException e = assertThrows(NoteFormatException.class,
                () -> NoteVerifierKey.parse(name + "+00000000+" + Base64.getEncoder().encodeToString(typed)));
        assertTrue(e.getMessage().contains("Ed25519"), e.getMessage());
    }

    @Test
    void namesFollowTheSpec() {
        PublicKey key = SigningKey.fromSeed(new byte[32]).publicKey();
        for (String bad : new String[] {"", "a b", "a+b", "a\tb", "a\u00a0b", "a\u2003b", "a\u0001b", "\ud800"}) {
            assertThrows(IllegalArgumentException.class, () -> NoteVerifierKey.of(bad, key), "name " + bad);
        }
        assertEquals("metanode/chain-7", NoteVerifierKey.of("metanode/chain-7", key).name());
        assertEquals("ünïcødé.example/λ", NoteVerifierKey.of("ünïcødé.example/λ", key).name());
    }

    private static void assertRejected(String text) {
        assertThrows(NoteFormatException.class, () -> NoteVerifierKey.parse(text), text);
    }

    private static void assertMessage(String text, String fragment) {
        NoteFormatException e = assertThrows(NoteFormatException.class, () -> NoteVerifierKey.parse(text), text);
        assertTrue(e.getMessage().contains(fragment), "'" + e.getMessage() + "' should mention '" + fragment + "'");
    }
}

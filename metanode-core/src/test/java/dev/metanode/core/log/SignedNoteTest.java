package dev.metanode.core.log;

import static dev.metanode.core.log.GoNoteVectors.ENOCH_SIG;
import static dev.metanode.core.log.GoNoteVectors.ENOCH_VKEY;
import static dev.metanode.core.log.GoNoteVectors.PETER_SIG;
import static dev.metanode.core.log.GoNoteVectors.PETER_VKEY;
import static dev.metanode.core.log.GoNoteVectors.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.crypto.SigningKey;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SignedNoteTest {
    private static NoteVerifierKey peter;
    private static NoteVerifierKey enoch;
    private static final NoteKey ALICE = new NoteKey("alice.example/log", SigningKey.fromSeed(seed(1)));
    private static final NoteKey BOB = new NoteKey("bob.example/witness", SigningKey.fromSeed(seed(2)));

    @BeforeAll
    static void keys() throws NoteFormatException {
        peter = NoteVerifierKey.parse(PETER_VKEY);
        enoch = NoteVerifierKey.parse(ENOCH_VKEY);
    }

    @Test
    void signingReproducesGosNoteByteForByte() {
        // Ed25519 is deterministic, so the same seed and text must give Go's exact signature line.
        NoteKey key = new NoteKey("PeterNeumann", SigningKey.fromSeed(GoNoteVectors.peterSeed()));
        assertEquals(TEXT + "\n" + PETER_SIG, SignedNote.sign(TEXT, key).format());
    }

    @Test
    void verifiesGosNotesLikeGoDoes() throws NoteException {
        String both = TEXT + "\n" + PETER_SIG + ENOCH_SIG;
        SignedNote note = SignedNote.parse(both);
        assertEquals(TEXT, note.text());
        assertEquals(both, note.format());
        assertEquals(List.of(peter), note.verify(List.of(peter)), "the unknown Enoch signature is ignored");
        assertEquals(List.of(peter, enoch), note.verify(List.of(enoch, peter)));
        assertEquals(List.of(peter), note.verify(List.of(peter, peter)), "a key listed twice is still one key");
        NoteVerificationException none = assertThrows(NoteVerificationException.class, () -> note.verify(List.of()));
        assertTrue(none.getMessage().contains("no signature by a trusted key"), none.getMessage());
    }

    @Test
    void anInvalidSignatureByATrustedKeyRejectsTheNote() throws NoteFormatException {
        // Go's case: four base64 characters spliced into Peter's signature.
        SignedNote note = SignedNote.parse(TEXT + "\n" + PETER_SIG.substring(0, 60) + "ABCD" + PETER_SIG.substring(60));
        NoteVerificationException e = assertThrows(NoteVerificationException.class, () -> note.verify(List.of(peter)));
        assertEquals("invalid signature by trusted key PeterNeumann+c74f20a3", e.getMessage());
    }

    @Test
    void repeatedSignaturesAreDecidedByTheFirst() throws NoteException {
        String enochBad = ENOCH_SIG.substring(0, 60) + "ABCD" + ENOCH_SIG.substring(60);
        SignedNote note = SignedNote.parse(TEXT + "\n" + PETER_SIG + PETER_SIG + ENOCH_SIG + ENOCH_SIG + enochBad);
        assertEquals(List.of(peter), note.verify(List.of(peter)));
        assertEquals(5, note.signatures().size());
    }

    @Test
    void signatureCountIsBounded() throws NoteException {
        SignedNote hundred = SignedNote.parse(TEXT + "\n" + PETER_SIG.repeat(SignedNote.SIGNATURES_MAX));
        assertEquals(List.of(peter), hundred.verify(List.of(peter)));
        NoteFormatException e = assertThrows(NoteFormatException.class,
                () -> SignedNote.parse(TEXT + "\n" + PETER_SIG.repeat(SignedNote.SIGNATURES_MAX + 1)));
        assertTrue(e.getMessage().contains("more than 100"), e.getMessage());
    }

    @Test
    void noteSizeIsBounded() {
        String big = "a".repeat(SignedNote.NOTE_BYTES_MAX) + "\n\n" + PETER_SIG;
        assertThrows(NoteFormatException.class, () -> SignedNote.parse(big));
        assertThrows(NoteFormatException.class, () -> SignedNote.parse(big.getBytes(StandardCharsets.UTF_8)));
        // 3-byte characters: within the char limit but over the byte limit.
        String wide = "\u20ac".repeat(SignedNote.NOTE_BYTES_MAX / 3 + 1) + "\n\n" + PETER_SIG;
        assertThrows(NoteFormatException.class, () -> SignedNote.parse(wide));
        assertThrows(IllegalArgumentException.class, () -> SignedNote.sign("a".repeat(SignedNote.NOTE_BYTES_MAX) + "\n", ALICE));
    }

    @Test
    void malformedNotesAreRejected() {
        String[] bad = {
            TEXT, // no signatures
            TEXT + "\n", // blank line but no signatures
            TEXT + "\n" + PETER_SIG.substring(0, PETER_SIG.length() - 1), // no final newline
            "\u0001" + TEXT + "\n" + PETER_SIG, // control character
            "\r" + TEXT + "\n" + PETER_SIG,
            "\ud800" + TEXT + "\n" + PETER_SIG, // lone surrogate: not UTF-8
            TEXT + "\n" + "\u2014 Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
            TEXT + "\n" + PETER_SIG + "Unexpected line.\n",
            TEXT + "\n" + "- PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
            TEXT + "\n" + "\u2014 PeterNeumann\n", // no signature
            TEXT + "\n" + "\u2014 PeterNeumann \n", // empty signature
            TEXT + "\n" + "\u2014 PeterNeumann AAAAAA==\n", // key id only
            TEXT + "\n" + "\u2014 Peter+Neumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
            TEXT + "\n" + PETER_SIG.replace("AM=", "AN="), // non-canonical base64 (stray low bits)
            TEXT + "\n" + PETER_SIG.replace("=\n", "\n"), // missing padding
            TEXT + "\n" + PETER_SIG + "\n", // blank line after the signatures
        };
        for (String note : bad) {
            assertThrows(NoteFormatException.class, () -> SignedNote.parse(note), note);
        }
        byte[] invalidUtf8 = (TEXT + "\n" + PETER_SIG).getBytes(StandardCharsets.UTF_8);
        invalidUtf8[0] = (byte) 0xff;
        assertThrows(NoteFormatException.class, () -> SignedNote.parse(invalidUtf8));
    }

    @Test
    void roundTripsAndCosigns() throws NoteException {
        String text = "metanode test note\n\nwith a blank line inside, and ünïcødé 🎉\n";
        SignedNote note = SignedNote.sign(text, ALICE);
        SignedNote parsed = SignedNote.parse(note.format());
        assertEquals(note, parsed);
        assertEquals(text, parsed.text());
        assertEquals(List.of(ALICE.verifierKey()), parsed.verify(List.of(ALICE.verifierKey())));
        SignedNote cosigned = parsed.withSignature(BOB);
        List<NoteVerifierKey> both = List.of(ALICE.verifierKey(), BOB.verifierKey());
        assertEquals(both, SignedNote.parse(cosigned.format().getBytes(StandardCharsets.UTF_8)).verify(both));
        assertEquals(2, cosigned.withSignature(ALICE).signatures().size(), "re-signing replaces the old signature");
    }

    @Test
    void tamperingIsDetected() throws NoteFormatException {
        String note = SignedNote.sign("size 10\n", ALICE).format();
        List<NoteVerifierKey> trusted = List.of(ALICE.verifierKey());
        SignedNote body = SignedNote.parse(note.replace("size 10", "size 11"));
        assertThrows(NoteVerificationException.class, () -> body.verify(trusted));
        NoteSignature sig = SignedNote.parse(note).signatures().get(0);
        byte[] flipped = sig.signature();
        flipped[10] ^= 1;
        SignedNote badSig = SignedNote.parse("size 10\n\n" + new NoteSignature(sig.keyName(), sig.keyId(), flipped).line());
        assertThrows(NoteVerificationException.class, () -> badSig.verify(trusted));
        // Another key id under the same name is an unknown key: ignored, so nothing trusted signed.
        SignedNote badId = SignedNote.parse("size 10\n\n" + new NoteSignature(sig.keyName(), sig.keyId() ^ 1, sig.signature()).line());
        NoteVerificationException e = assertThrows(NoteVerificationException.class, () -> badId.verify(trusted));
        assertTrue(e.getMessage().contains("no signature by a trusted key"), e.getMessage());
        SignedNote otherName = SignedNote.parse("size 10\n\n" + new NoteSignature("mallory", sig.keyId(), sig.signature()).line());
        assertThrows(NoteVerificationException.class, () -> otherName.verify(trusted));
    }

    @Test
    void signingRejectsTextThatCouldNotBeParsedBack() {
        for (String text : new String[] {"", "no newline", "tab\there\n", "\ud800\n"}) {
            assertThrows(IllegalArgumentException.class, () -> SignedNote.sign(text, ALICE), text);
        }
        assertThrows(IllegalArgumentException.class, () -> SignedNote.sign("text\n"));
    }

    private static byte[] seed(int b) {
        byte[] seed = new byte[32];
        seed[0] = (byte) b;
        return seed;
    }
}

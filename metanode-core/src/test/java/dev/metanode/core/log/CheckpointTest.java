package dev.metanode.core.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.crypto.SigningKey;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointTest {
    private static final String ROOT_B64 = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";
    private static final byte[] ROOT = Base64.getDecoder().decode(ROOT_B64);
    private static final String ORIGIN = "metanode/chain-7";
    private static final CheckpointSigner SIGNER = new CheckpointSigner(SigningKey.fromSeed(new byte[32]), ORIGIN);

    @Test
    void parsesTheSpecExample() throws NoteFormatException {
        String text = "example.com/behind-the-sofa\n20852163\n" + ROOT_B64 + "\n";
        Checkpoint checkpoint = Checkpoint.parse(text);
        assertEquals("example.com/behind-the-sofa", checkpoint.origin());
        assertEquals(20852163L, checkpoint.size());
        assertArrayEquals(ROOT, checkpoint.rootHash());
        assertEquals(List.of(), checkpoint.extensions());
        assertEquals(text, checkpoint.format());
    }

    @Test
    void roundTripsExtensionsAndExtremeSizes() throws NoteFormatException {
        for (long size : new long[] {0, 1, 9, 10, Long.MAX_VALUE}) {
            Checkpoint checkpoint = new Checkpoint("o r+igin é", size, ROOT, List.of("ext one", "— two"));
            assertEquals(checkpoint, Checkpoint.parse(checkpoint.format()));
        }
        assertEquals("o\n0\n" + ROOT_B64 + "\n", new Checkpoint("o", 0, ROOT).format());
    }

    @Test
    void parsingIsStrict() {
        String root = ROOT_B64 + "\n";
        String[] bad = {
            "",
            "origin\n1\n" + ROOT_B64, // no final newline
            "origin\n1\n", // no root line
            "\n1\n" + root, // empty origin
            "origin\n01\n" + root,
            "origin\n00\n" + root,
            "origin\n+1\n" + root,
            "origin\n-1\n" + root,
            "origin\n 1\n" + root,
            "origin\n1 \n" + root,
            "origin\n\n" + root,
            "origin\n0x10\n" + root,
            "origin\n\u0661\n" + root, // ARABIC-INDIC DIGIT ONE: a digit to Long.parseLong, not to the spec
            "origin\n9223372036854775808\n" + root,
            "origin\n99999999999999999999\n" + root,
            "origin\n1\n" + ROOT_B64.substring(0, 40) + "==\n", // 29 bytes
            "origin\n1\nAAAA" + root, // 35 bytes
            "origin\n1\n" + ROOT_B64.replace("I=", "J=") + "\n", // non-canonical base64
            "origin\n1\n" + ROOT_B64.replace("=", "") + "\n", // no padding
            "origin\n1\n" + root + "\n", // empty extension line
            "origin\n1\n" + root + "ext\n\n",
            "origin\n1\r\n" + root,
            "orig\tin\n1\n" + root,
        };
        for (String text : bad) {
            assertThrows(NoteFormatException.class, () -> Checkpoint.parse(text), text);
        }
    }

    @Test
    void constructorChecksItsArguments() {
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint("", 1, ROOT));
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint("a\nb", 1, ROOT));
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint("o", -1, ROOT));
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint("o", 1, new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint("o", 1, ROOT, List.of("")));
    }

    @Test
    void signedCheckpointsRoundTrip() throws NoteException {
        String note = SIGNER.sign(42, ROOT);
        assertTrue(note.startsWith(ORIGIN + "\n42\n" + ROOT_B64 + "\n\n\u2014 " + ORIGIN + " "), note);
        NoteVerifierKey key = NoteVerifierKey.parse(SIGNER.verifierKey().format());
        Checkpoint checkpoint = CheckpointVerifier.verify(note, key);
        assertEquals(new Checkpoint(ORIGIN, 42, ROOT), checkpoint);
        assertEquals(checkpoint, new CheckpointVerifier(key, ORIGIN).verify(note));
    }

    @Test
    void witnessCosignaturesAreIgnored() throws NoteException {
        String note = SIGNER.sign(new Checkpoint(ORIGIN, 7, ROOT, List.of("extension")));
        NoteKey witness = new NoteKey("witness.example", SigningKey.fromSeed(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
            30, 31, 32}));
        String cosigned = SignedNote.parse(note).withSignature(witness).format();
        assertEquals(List.of("extension"), CheckpointVerifier.verify(cosigned, SIGNER.verifierKey()).extensions());
    }

    @Test
    void rejectsTamperedOrForeignCheckpoints() {
        NoteVerifierKey key = SIGNER.verifierKey();
        String note = SIGNER.sign(42, ROOT);
        assertThrows(NoteVerificationException.class, () -> CheckpointVerifier.verify(note.replace("\n42\n", "\n43\n"), key));
        CheckpointSigner other = new CheckpointSigner(SigningKey.fromSeed(new byte[] {
            9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9}), ORIGIN);
        assertThrows(NoteVerificationException.class, () -> CheckpointVerifier.verify(other.sign(42, ROOT), key));
        NoteVerificationException e = assertThrows(NoteVerificationException.class,
                () -> new CheckpointVerifier(key, "metanode/chain-8").verify(note));
        assertTrue(e.getMessage().contains("origin"), e.getMessage());
        // A correctly signed note that is not a checkpoint is still rejected, as malformed.
        String notACheckpoint = SignedNote.sign("hello\n", new NoteKey(ORIGIN, SigningKey.fromSeed(new byte[32]))).format();
        assertThrows(NoteFormatException.class, () -> CheckpointVerifier.verify(notACheckpoint, key));
        assertThrows(IllegalArgumentException.class, () -> SIGNER.sign(new Checkpoint("metanode/chain-8", 1, ROOT)));
        assertThrows(IllegalArgumentException.class, () -> new CheckpointSigner(SigningKey.fromSeed(new byte[32]), "has space"));
    }

    @Test
    void verifiesATreeHeadSignedByTheGoChecksumDatabase() throws NoteException {
        // Interop: a real sum.golang.org checkpoint, signed by Go's note code, checked with the
        // production key. Its origin differs from the key name, so the origin is given explicitly.
        NoteVerifierKey sumdb = NoteVerifierKey.parse(GoNoteVectors.SUMDB_VKEY);
        Checkpoint checkpoint = new CheckpointVerifier(sumdb, GoNoteVectors.SUMDB_ORIGIN)
                .verify(GoNoteVectors.SUMDB_CHECKPOINT);
        assertEquals(6476701L, checkpoint.size());
        assertEquals("mb8QLQIs0Z0yP5Cstq6guj87oXWeC9gEM8oVikmm9Wk=", Base64.getEncoder().encodeToString(checkpoint.rootHash()));
        assertThrows(NoteVerificationException.class,
                () -> CheckpointVerifier.verify(GoNoteVectors.SUMDB_CHECKPOINT, sumdb), "origin is not the key name");
        assertThrows(NoteVerificationException.class, () -> new CheckpointVerifier(sumdb, GoNoteVectors.SUMDB_ORIGIN)
                .verify(GoNoteVectors.SUMDB_CHECKPOINT.replace("6476701", "6476702")));
    }
}

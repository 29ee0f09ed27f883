package dev.metanode.core.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Parsers of untrusted text must either accept or throw their declared exception, nothing else.
 * Under plain JUnit these run in regression mode over the seeds in
 * {@code src/test/resources/dev/metanode/core/log/NoteFuzzTestInputs/<method>/}; run with
 * {@code JAZZER_FUZZ=1} to fuzz. Accepted input must also format back to itself: one value, one text.
 */
class NoteFuzzTest {
    private static final NoteVerifierKey PETER = peter();

    @FuzzTest(maxDuration = "30s")
    void signedNoteParse(byte[] input) {
        SignedNote note;
        try {
            note = SignedNote.parse(input);
        } catch (NoteFormatException expected) {
            return;
        }
        assertArrayEquals(input, note.format().getBytes(StandardCharsets.UTF_8));
        try {
            assertEquals(List.of(PETER), note.verify(List.of(PETER)));
        } catch (NoteVerificationException expected) {
            // Forged or foreign signatures: rejected with the declared exception.
        }
    }

    @FuzzTest(maxDuration = "30s")
    void checkpointParse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            assertEquals(text, Checkpoint.parse(text).format());
        } catch (NoteFormatException expected) {
            // Malformed checkpoints are rejected with the declared exception.
        }
    }

    @FuzzTest(maxDuration = "30s")
    void verifierKeyParse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            NoteVerifierKey key = NoteVerifierKey.parse(text);
            // Only the key id's hex case may differ between input and output.
            assertEquals(text.length(), key.format().length());
            assertEquals(key, NoteVerifierKey.parse(key.format()));
        } catch (NoteFormatException expected) {
            // Malformed keys are rejected with the declared exception.
        }
    }

    private static NoteVerifierKey peter() {
        try {
            return NoteVerifierKey.parse(GoNoteVectors.PETER_VKEY);
        } catch (NoteFormatException e) {
            throw new AssertionError(e);
        }
    }
}

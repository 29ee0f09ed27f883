package dev.metanode.core.log;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A C2SP signed note (https://c2sp.org/signed-note): a text ending in a newline, a blank line, then
 * one or more lines {@code — <key name> <base64(4-byte key id || signature)>}. The signatures are
 * Ed25519 over the text bytes, final newline included. The same format as Go's
 * {@code golang.org/x/mod/sumdb/note}, so any tool that reads notes can check ours.
 *
 * <p>Parsing only checks syntax, within {@link #NOTE_BYTES_MAX} and {@link #SIGNATURES_MAX};
 * {@link #verify} decides whether to trust the text. Immutable.
 */
public final class SignedNote {
    /** Largest note accepted, in UTF-8 bytes (1 MiB): bounds the work an untrusted note can cause. */
    public static final int NOTE_BYTES_MAX = 1 << 20;
    /** Most signature lines accepted (Go's limit; the spec asks for at least 16). */
    public static final int SIGNATURES_MAX = 100;

    private final String text;
    private final List<NoteSignature> signatures;

    private SignedNote(String text, List<NoteSignature> signatures) {
        this.text = text;
        this.signatures = List.copyOf(signatures);
    }

    /**
     * Signs {@code text} with each key.
     *
     * @throws IllegalArgumentException if the text is empty, does not end with a newline, has control
     *     characters other than newline, or the note would exceed the limits
     */
    public static SignedNote sign(String text, NoteKey... keys) {
        requireText(text);
        if (keys.length == 0) {
            throw new IllegalArgumentException("a signed note needs at least one key");
        }
        SignedNote note = new SignedNote(text, List.of());
        for (NoteKey key : keys) {
            note = note.withSignature(key);
        }
        return note;
    }

    /**
     * This note with a signature by {@code key} added (for cosigning), replacing any earlier one by
     * the same key name and id.
     *
     * @throws IllegalArgumentException if the note would exceed the limits
     */
    public SignedNote withSignature(NoteKey key) {
        NoteSignature signature = key.sign(text.getBytes(StandardCharsets.UTF_8));
        List<NoteSignature> all = new ArrayList<>();
        for (NoteSignature s : signatures) {
            if (!s.isBy(key.name(), key.keyId())) {
                all.add(s);
            }
        }
        all.add(signature);
        SignedNote note = new SignedNote(text, all);
        if (all.size() > SIGNATURES_MAX || utf8Length(note.format()) > NOTE_BYTES_MAX) {
            throw new IllegalArgumentException("the note would exceed " + SIGNATURES_MAX + " signatures or "
                    + NOTE_BYTES_MAX + " bytes");
        }
        return note;
    }

    /**
     * Parses a note received as bytes, which must be valid UTF-8.
     *
     * @throws NoteFormatException if it is not a well-formed signed note within the limits
     */
    public static SignedNote parse(byte[] note) throws NoteFormatException {
        Objects.requireNonNull(note, "note");
        if (note.length > NOTE_BYTES_MAX) {
            throw new NoteFormatException("note is " + note.length + " bytes, more than " + NOTE_BYTES_MAX);
        }
        try {
            return parse(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(note))
                    .toString());
        } catch (CharacterCodingException e) {
            throw new NoteFormatException("note is not valid UTF-8");
        }
    }

    /**
     * Parses a note. The text is what precedes the last blank line, as the spec says.
     *
     * @throws NoteFormatException if it is not a well-formed signed note within the limits
     */
    public static SignedNote parse(String note) throws NoteFormatException {
        Objects.requireNonNull(note, "note");
        // A char is at least one UTF-8 byte: reject big input before scanning it.
        if (note.length() > NOTE_BYTES_MAX || utf8Length(note) > NOTE_BYTES_MAX) {
            throw new NoteFormatException("note is more than " + NOTE_BYTES_MAX + " bytes");
        }
        NoteText.check(note, "note");
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new NoteFormatException("note has no blank line between text and signatures");
        }
        String block = note.substring(split + 2);
        if (block.isEmpty()) {
            throw new NoteFormatException("note has no signature lines");
        }
        if (!block.endsWith("\n")) {
            throw new NoteFormatException("note does not end with a newline");
        }
        long lines = block.chars().filter(c -> c == '\n').count();
        if (lines > SIGNATURES_MAX) {
            throw new NoteFormatException("note has " + lines + " signatures, more than " + SIGNATURES_MAX);
        }
        List<NoteSignature> signatures = new ArrayList<>();
        int start = 0;
        for (int end = block.indexOf('\n'); end >= 0; start = end + 1, end = block.indexOf('\n', start)) {
            signatures.add(NoteSignature.parse(block.substring(start, end), signatures.size() + 1));
        }
        return new SignedNote(note.substring(0, split + 1), signatures);
    }

    /**
     * Verifies the note against trusted keys and returns the keys that signed it, in note order.
     * Signatures by unknown keys (other name or id) are ignored, as the spec requires; for a known key
     * the first of its signatures decides, and an invalid one rejects the whole note.
     *
     * @return the known keys with a valid signature; never empty
     * @throws NoteVerificationException if a known key's signature is invalid, two different known
     *     keys share the name and id of a signature, or no known key signed the note
     */
    public List<NoteVerifierKey> verify(List<NoteVerifierKey> known) throws NoteVerificationException {
        Map<String, List<NoteVerifierKey>> byId = new HashMap<>();
        for (NoteVerifierKey key : known) {
            List<NoteVerifierKey> same = byId.computeIfAbsent(key.id(), k -> new ArrayList<>());
            if (!same.contains(key)) {
                same.add(key);
            }
        }
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        Set<String> seen = new HashSet<>();
        List<NoteVerifierKey> valid = new ArrayList<>();
        for (NoteSignature s : signatures) {
            String id = s.id();
            List<NoteVerifierKey> candidates = byId.get(id);
            if (candidates == null || !seen.add(id)) {
                continue;
            }
            if (candidates.size() > 1) {
                throw new NoteVerificationException("ambiguous key " + id + ": two different trusted keys share it");
            }
            if (!candidates.get(0).verify(message, s.signatureBytes())) {
                throw new NoteVerificationException("invalid signature by trusted key " + id);
            }
            valid.add(candidates.get(0));
        }
        if (valid.isEmpty()) {
            throw new NoteVerificationException("note has no signature by a trusted key (signed by "
                    + signatures.stream().map(NoteSignature::toString).toList() + ")");
        }
        return List.copyOf(valid);
    }

    /** The signed text, final newline included. Do not act on it before {@link #verify} succeeds. */
    public String text() {
        return text;
    }

    /** All signature lines, verified or not, in note order. */
    public List<NoteSignature> signatures() {
        return signatures;
    }

    /** The note in its wire form: text, blank line, signature lines. */
    public String format() {
        StringBuilder out = new StringBuilder(text).append('\n');
        signatures.forEach(s -> out.append(s.line()));
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedNote other && text.equals(other.text) && signatures.equals(other.signatures);
    }

    @Override
    public int hashCode() {
        return text.hashCode() * 31 + signatures.hashCode();
    }

    @Override
    public String toString() {
        return "SignedNote[" + text.length() + " chars, " + signatures + "]";
    }

    private static void requireText(String text) {
        if (text == null || text.isEmpty() || !text.endsWith("\n")) {
            throw new IllegalArgumentException("note text must be non-empty and end with a newline");
        }
        String problem = NoteText.problem(text);
        if (problem != null) {
            throw new IllegalArgumentException("note text has a " + problem);
        }
    }

    private static long utf8Length(String s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}

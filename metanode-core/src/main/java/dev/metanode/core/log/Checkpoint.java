package dev.metanode.core.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A C2SP transparency-log checkpoint (https://c2sp.org/tlog-checkpoint): the note text naming a log
 * (origin), its tree size and its RFC 9162 root hash, plus optional opaque extension lines.
 *
 * <pre>
 * metanode/chain-7
 * 20852163
 * CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=
 * </pre>
 *
 * <p>Parsing is strict, so that {@code parse(text).format()} is {@code text} again: one checkpoint,
 * one text. Immutable.
 */
public final class Checkpoint {
    /** Decimal digits in the largest size this implementation holds ({@link Long#MAX_VALUE}). */
    private static final int SIZE_DIGITS_MAX = 19;
    private static final int HEADER_LINES = 3;

    private final String origin;
    private final long size;
    private final byte[] rootHash;
    private final List<String> extensions;

    /**
     * A checkpoint of the log {@code origin} at {@code size} leaves with root {@code rootHash}.
     *
     * @throws IllegalArgumentException if the origin is empty or not one line of note text, the size
     *     is negative, the root is not {@value MerkleHash#HASH_BYTES} bytes, or an extension line is
     *     empty or not one line of note text
     */
    public Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {
        requireLine(origin, "origin");
        if (size < 0) {
            throw new IllegalArgumentException("tree size must not be negative, got " + size);
        }
        CompactRange.requireHash(rootHash, "root hash");
        extensions.forEach(line -> requireLine(line, "extension line"));
        this.origin = origin;
        this.size = size;
        this.rootHash = rootHash.clone();
        this.extensions = List.copyOf(extensions);
    }

    /** A checkpoint without extension lines, the usual case. */
    public Checkpoint(String origin, long size, byte[] rootHash) {
        this(origin, size, rootHash, List.of());
    }

    /**
     * Parses checkpoint note text (the note's text, not the whole signed note).
     *
     * @throws NoteFormatException saying which line is malformed
     */
    public static Checkpoint parse(String text) throws NoteFormatException {
        Objects.requireNonNull(text, "text");
        if (text.length() > SignedNote.NOTE_BYTES_MAX) {
            throw new NoteFormatException("checkpoint is longer than " + SignedNote.NOTE_BYTES_MAX + " characters");
        }
        NoteText.check(text, "checkpoint");
        if (!text.endsWith("\n")) {
            throw new NoteFormatException("checkpoint text must end with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < HEADER_LINES) {
            throw new NoteFormatException("checkpoint needs origin, size and root hash lines, got " + lines.length
                    + " line(s)");
        }
        if (lines[0].isEmpty()) {
            throw new NoteFormatException("checkpoint origin line is empty");
        }
        long size = parseSize(lines[1]);
        byte[] root = NoteText.decodeBase64(lines[2], "checkpoint root hash");
        if (root.length != MerkleHash.HASH_BYTES) {
            throw new NoteFormatException("checkpoint root hash has " + root.length + " bytes, not " + MerkleHash.HASH_BYTES);
        }
        List<String> extensions = new ArrayList<>();
        for (int i = HEADER_LINES; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                throw new NoteFormatException("checkpoint extension line " + (i + 1) + " is empty");
            }
            extensions.add(lines[i]);
        }
        return new Checkpoint(lines[0], size, root, extensions);
    }

    /** ASCII decimal, no sign, no leading zeros (except "0" itself). */
    private static long parseSize(String line) throws NoteFormatException {
        boolean digits = !line.isEmpty() && line.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digits) {
            throw new NoteFormatException("checkpoint size must be a decimal number, got '" + abbreviate(line) + "'");
        }
        if (line.length() > 1 && line.charAt(0) == '0') {
            throw new NoteFormatException("checkpoint size has a leading zero: '" + abbreviate(line) + "'");
        }
        try {
            if (line.length() > SIZE_DIGITS_MAX) {
                throw new NumberFormatException();
            }
            return Long.parseLong(line);
        } catch (NumberFormatException e) {
            throw new NoteFormatException("checkpoint size is larger than " + Long.MAX_VALUE);
        }
    }

    /** The note text: origin, size, base64 root and extension lines, each ending in a newline. */
    public String format() {
        StringBuilder out = new StringBuilder()
                .append(origin).append('\n')
                .append(size).append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
        extensions.forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    public String origin() {
        return origin;
    }

    public long size() {
        return size;
    }

    public byte[] rootHash() {
        return rootHash.clone();
    }

    public List<String> extensions() {
        return extensions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint other && origin.equals(other.origin) && size == other.size
                && Arrays.equals(rootHash, other.rootHash) && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(rootHash), extensions);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + " size=" + size + " root=" + Base64.getEncoder().encodeToString(rootHash) + "]";
    }

    private static void requireLine(String line, String what) {
        if (line == null || line.isEmpty() || line.indexOf('\n') >= 0 || NoteText.problem(line) != null) {
            throw new IllegalArgumentException(what + " must be one non-empty line without control characters");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 24 ? s : s.substring(0, 24) + "...";
    }
}

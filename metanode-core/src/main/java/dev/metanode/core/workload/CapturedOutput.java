package dev.metanode.core.workload;

import java.nio.charset.StandardCharsets;

/**
 * One output stream of a run: the first {@link Limits#outputBytesMax()} bytes, and the size and
 * SHA-256 of the whole stream.
 *
 * @param head       the bytes kept (the array is not copied; do not change it)
 * @param totalBytes bytes the program wrote in all
 * @param sha256     lower-case hex SHA-256 of all {@code totalBytes}
 */
public record CapturedOutput(byte[] head, long totalBytes, String sha256) {

    public boolean truncated() {
        return totalBytes > head.length;
    }

    /** The kept bytes as UTF-8 text. */
    public String text() {
        return new String(head, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "CapturedOutput[" + totalBytes + " bytes, sha256=" + sha256 + "]";
    }
}

package dev.metanode.consensus.poh;

import dev.metanode.core.crypto.Sha256;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The proposer's side of Proof of History: runs the sequential SHA-256 chain from the parent
 * block's end hash, {@link #HASHES_PER_ENTRY} plain hashes before each transaction digest is mixed
 * in and {@link #TICK_HASHES} after the last, and returns the segment the block carries.
 */
public final class PohRecorder {
    /** Plain hashes before each mixin: the sequential work that separates two entries. */
    public static final int HASHES_PER_ENTRY = 16;
    /** Plain hashes that close every segment, so even an empty block proves sequential work. */
    public static final int TICK_HASHES = 64;

    private PohRecorder() {}

    public static PohSegment record(byte[] start, List<byte[]> digests) {
        long needed = (long) digests.size() * (HASHES_PER_ENTRY + 1) + TICK_HASHES;
        if (needed > PohSegment.HASHES_PER_BLOCK_MAX) {
            throw new IllegalArgumentException("too many entries for one PoH segment: " + digests.size());
        }
        MessageDigest md = Sha256.newDigest();
        byte[] h = start.clone();
        long count = 0;
        List<Long> positions = new ArrayList<>();
        for (byte[] digest : digests) {
            for (int i = 0; i < HASHES_PER_ENTRY; i++, count++) {
                h = md.digest(h);
            }
            md.update(h);
            md.update(digest);
            h = md.digest();
            positions.add(count++);
        }
        for (int i = 0; i < TICK_HASHES; i++, count++) {
            h = md.digest(h);
        }
        return new PohSegment(start, count, h, positions.stream().mapToLong(Long::longValue).toArray());
    }
}

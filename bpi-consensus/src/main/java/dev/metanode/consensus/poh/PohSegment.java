package dev.metanode.consensus.poh;

import dev.metanode.core.crypto.Sha256;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The part of the proposer's Proof-of-History chain that a block carries: a sequential SHA-256
 * chain from {@code start} through {@code hashCount} steps to {@code end}. Step i computes
 * h = SHA-256(h), except at the positions in {@code mixins}, where the j-th transaction digest is
 * mixed in: h = SHA-256(h || digest_j). Nobody can produce the chain faster than one hash after
 * another, and the positions fix the order in which the transactions entered it.
 */
public record PohSegment(byte[] start, long hashCount, byte[] end, long[] mixins) {
    /** Hashes one block's segment may hold; bounds the verifier's work (~90 ms at 12 M hashes/s). */
    public static final long HASHES_PER_BLOCK_MAX = 1L << 20;

    public PohSegment {
        start = start.clone();
        end = end.clone();
        mixins = mixins.clone();
    }

    @Override
    public byte[] start() {
        return start.clone();
    }

    @Override
    public byte[] end() {
        return end.clone();
    }

    @Override
    public long[] mixins() {
        return mixins.clone();
    }

    /** Why this segment's shape is wrong for {@code mixinCount} digests, if it is; no hashing yet. */
    public Optional<String> shapeProblem(int mixinCount) {
        if (start.length != Sha256.DIGEST_BYTES || end.length != Sha256.DIGEST_BYTES) {
            return Optional.of("PoH hashes must be 32 bytes");
        }
        if (hashCount < mixins.length || hashCount > HASHES_PER_BLOCK_MAX) {
            return Optional.of("PoH hash count " + hashCount + " outside " + mixins.length + ".." + HASHES_PER_BLOCK_MAX);
        }
        if (mixins.length != mixinCount) {
            return Optional.of("PoH has " + mixins.length + " mixins for " + mixinCount + " transactions");
        }
        for (int i = 0; i < mixins.length; i++) {
            if (mixins[i] < 0 || mixins[i] >= hashCount || (i > 0 && mixins[i] <= mixins[i - 1])) {
                return Optional.of("PoH mixin positions must increase within the segment");
            }
        }
        return Optional.empty();
    }

    /** Recomputes the chain with these digests; empty if it ends at {@code end}, else the reason. */
    public Optional<String> verify(List<byte[]> digests) {
        Optional<String> shape = shapeProblem(digests.size());
        if (shape.isPresent()) {
            return shape;
        }
        MessageDigest md = Sha256.newDigest();
        byte[] h = start.clone();
        int next = 0;
        for (long i = 0; i < hashCount; i++) {
            md.update(h);
            if (next < mixins.length && mixins[next] == i) {
                md.update(digests.get(next++));
            }
            h = md.digest();
        }
        return Arrays.equals(h, end) ? Optional.empty() : Optional.of("PoH chain does not end at the stated hash");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PohSegment p && Arrays.equals(start, p.start) && hashCount == p.hashCount
                && Arrays.equals(end, p.end) && Arrays.equals(mixins, p.mixins);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(end) ^ Long.hashCode(hashCount);
    }

    @Override
    public String toString() {
        return "PohSegment[count=" + hashCount + " mixins=" + mixins.length + "]";
    }
}

package dev.metanode.docklock.witness;

import dev.metanode.core.crypto.Sha256;
import java.util.List;

/**
 * RFC 9162 (section 2.1.1) Merkle tree hash: leaf = SHA-256(0x00 || entry), node = SHA-256(0x01 ||
 * left || right), the left subtree holding the largest power of two below n. Kept here because the
 * witness log needs only the root; the shared log package has proofs.
 */
public final class MerkleRoot {
    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleRoot() {}

    public static byte[] leafHash(byte[] entry) {
        return Sha256.digest(LEAF_PREFIX, entry);
    }

    /** The tree hash of the entries; SHA-256 of the empty string for none. */
    public static byte[] of(List<byte[]> entries) {
        if (entries.isEmpty()) {
            return Sha256.digest(new byte[0]);
        }
        byte[][] hashes = new byte[entries.size()][];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = leafHash(entries.get(i));
        }
        return subtree(hashes, 0, hashes.length);
    }

    private static byte[] subtree(byte[][] leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves[from];
        }
        int k = Integer.highestOneBit(n - 1);
        return Sha256.digest(NODE_PREFIX, subtree(leaves, from, from + k), subtree(leaves, from + k, to));
    }
}

package dev.metanode.consensus.chain;

import dev.metanode.core.crypto.Sha256;
import dev.metanode.core.log.MerkleHash;
import java.util.List;

/** The RFC 9162 Merkle tree hash (MTH) over a list, as the receipt log uses it, for transaction and state roots. */
public final class Hashes {
    public static final int HASH_BYTES = Sha256.DIGEST_BYTES;

    private Hashes() {}

    public static byte[] merkleRoot(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return MerkleHash.emptyRoot();
        }
        return subtree(leaves, 0, leaves.size());
    }

    private static byte[] subtree(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return MerkleHash.leafHash(leaves.get(from));
        }
        int split = Integer.highestOneBit(n - 1);
        return MerkleHash.nodeHash(subtree(leaves, from, from + split), subtree(leaves, from + split, to));
    }

    public static void requireHash(byte[] hash, String what) {
        if (hash == null || hash.length != HASH_BYTES) {
            throw new IllegalArgumentException(what + " must be " + HASH_BYTES + " bytes");
        }
    }
}

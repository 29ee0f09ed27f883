package dev.metanode.core.log;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Deterministic random trees for the property tests. */
final class MerkleTrees {
    private MerkleTrees() {}

    /** Leaf hashes of {@code size} distinct entries derived from {@code seed}. */
    static List<byte[]> leaves(int size, long seed) {
        List<byte[]> leaves = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            leaves.add(MerkleHash.leafHash(ByteBuffer.allocate(16).putLong(seed).putLong(i).array()));
        }
        return leaves;
    }

    static byte[] flipBit(byte[] data, int bit) {
        byte[] copy = data.clone();
        int b = Math.floorMod(bit, copy.length * 8);
        copy[b / 8] ^= (byte) (1 << (b % 8));
        return copy;
    }

    static List<byte[]> withFlippedBit(List<byte[]> proof, int element, int bit) {
        List<byte[]> copy = new ArrayList<>(proof);
        int i = Math.floorMod(element, proof.size());
        copy.set(i, flipBit(proof.get(i), bit));
        return copy;
    }

    /** Bit length of n: an upper bound on tree height for n leaves, used to bound node reads. */
    static int bits(long n) {
        return 64 - Long.numberOfLeadingZeros(n);
    }
}

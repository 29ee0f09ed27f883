package dev.metanode.core.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds RFC 9162 roots, inclusion proofs (§2.1.3.1) and consistency proofs (§2.1.4.1) from the
 * stored perfect-subtree hashes of a log.
 *
 * <p>The recursions below follow the RFC's definitions over leaf ranges {@code [start, end)}. Every
 * proof hash is the root of such a range; when the range is a perfect subtree it costs one read, and
 * at most one range per proof is not perfect (the one on the tree's right edge), which is rebuilt
 * from its O(log n) perfect parts. So each proof costs O(log n) node reads.
 */
public final class MerkleProofs {
    private MerkleProofs() {}

    /**
     * The root hash of the tree of the first {@code size} leaves.
     *
     * @throws IllegalArgumentException if {@code size} is negative
     */
    public static byte[] root(long size, TreeNodes nodes) {
        if (size < 0) {
            throw new IllegalArgumentException("tree size must not be negative, got " + size);
        }
        Objects.requireNonNull(nodes, "nodes");
        return CompactRange.foldRight(CompactRange.coverRoots(0, size, nodes));
    }

    /**
     * The inclusion proof of leaf {@code leafIndex} in the tree of {@code size} leaves, ordered from
     * the leaf's sibling up to the child of the root.
     *
     * @throws IllegalArgumentException unless {@code 0 <= leafIndex < size}
     */
    public static List<byte[]> inclusion(long leafIndex, long size, TreeNodes nodes) {
        if (leafIndex < 0 || leafIndex >= size) {
            throw new IllegalArgumentException(
                    "leaf index " + leafIndex + " is not in a tree of size " + size + " (need 0 <= index < size)");
        }
        Objects.requireNonNull(nodes, "nodes");
        List<byte[]> proof = new ArrayList<>();
        path(leafIndex, 0, size, nodes, proof);
        return proof;
    }

    /**
     * The consistency proof that the tree of {@code size1} leaves is a prefix of the tree of
     * {@code size2} leaves; empty when the sizes are equal.
     *
     * @throws IllegalArgumentException unless {@code 0 < size1 <= size2}; a proof from the empty tree
     *     would prove nothing, and verifiers reject it
     */
    public static List<byte[]> consistency(long size1, long size2, TreeNodes nodes) {
        if (size1 <= 0) {
            throw new IllegalArgumentException("size1 must be positive, got " + size1
                    + ": every tree extends the empty tree, so there is nothing to prove");
        }
        if (size1 > size2) {
            throw new IllegalArgumentException("size1 " + size1 + " is larger than size2 " + size2);
        }
        Objects.requireNonNull(nodes, "nodes");
        List<byte[]> proof = new ArrayList<>();
        if (size1 < size2) {
            subproof(size1, 0, size2, true, nodes, proof);
        }
        return proof;
    }

    /** RFC 9162 PATH(m, D[start:end]): proof hashes are appended leaf-side first. */
    private static void path(long m, long start, long end, TreeNodes nodes, List<byte[]> out) {
        if (end - start == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(end - start);
        if (m < start + k) {
            path(m, start, start + k, nodes, out);
            out.add(rangeRoot(start + k, end, nodes));
        } else {
            path(m, start + k, end, nodes, out);
            out.add(rangeRoot(start, start + k, nodes));
        }
    }

    /**
     * RFC 9162 SUBPROOF(m, D[start:end], b), with {@code m} counted from {@code start}. {@code b}
     * says whether the old tree's root at this range is already known to the verifier (true only
     * while the old tree is a leftmost perfect subtree reached by going left from the top).
     */
    private static void subproof(long m, long start, long end, boolean b, TreeNodes nodes, List<byte[]> out) {
        long n = end - start;
        if (m == n) {
            if (!b) {
                out.add(rangeRoot(start, end, nodes));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, start + k, b, nodes, out);
            out.add(rangeRoot(start + k, end, nodes));
        } else {
            subproof(m - k, start + k, end, false, nodes, out);
            out.add(rangeRoot(start, start + k, nodes));
        }
    }

    /** MTH(D[start:end]) for a range the RFC recursion produced (so its perfect cover is aligned). */
    private static byte[] rangeRoot(long start, long end, TreeNodes nodes) {
        return CompactRange.foldRight(CompactRange.coverRoots(start, end - start, nodes));
    }

    /** The largest power of two strictly smaller than {@code n}, for {@code n >= 2} (RFC 9162 "k"). */
    private static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}

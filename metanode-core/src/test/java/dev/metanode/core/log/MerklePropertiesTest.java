package dev.metanode.core.log;

import static dev.metanode.core.log.MerkleTrees.bits;
import static dev.metanode.core.log.MerkleTrees.flipBit;
import static dev.metanode.core.log.MerkleTrees.withFlippedBit;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Property tests over random trees of 1..300 leaves: the append frontier, restored frontiers and
 * stored-node roots agree with the literal RFC definitions; every generated proof verifies with
 * O(log n) node reads; and any single flipped bit or wrong proof length is rejected.
 */
class MerklePropertiesTest {
    private static final int MAX_SIZE = 300;

    @Property(tries = 100)
    void rootsAgreeAtEverySize(@ForAll @IntRange(min = 1, max = MAX_SIZE) int size, @ForAll long seed) {
        List<byte[]> leaves = MerkleTrees.leaves(size, seed);
        MemoryTreeNodes nodes = new MemoryTreeNodes();
        for (int k = 0; k <= size; k++) {
            byte[] incremental = nodes.range().root();
            CompactRange restored = CompactRange.restore(k, nodes);
            assertEquals(k, restored.size());
            assertArrayEquals(incremental, restored.root(), "restored root at size " + k);
            assertFrontiersEqual(nodes.range(), restored);
            nodes.resetReads();
            assertArrayEquals(incremental, MerkleProofs.root(k, nodes), "stored-node root at size " + k);
            assertEquals(Long.bitCount(k), nodes.reads(), "root reads at size " + k);
            if (k < size) {
                nodes.append(leaves.get(k));
            }
        }
        assertArrayEquals(RfcReference.mth(leaves), nodes.range().root(), "RFC MTH");
        // Every leaf and every completed interior node was handed to the sink exactly once.
        assertEquals(2L * size - Long.bitCount(size), nodes.storedNodes());
    }

    @Property(tries = 100)
    void everyInclusionProofVerifies(
            @ForAll @IntRange(min = 1, max = MAX_SIZE) int size, @ForAll long seed, @ForAll int pick)
            throws ProofException {
        List<byte[]> leaves = MerkleTrees.leaves(size, seed);
        MemoryTreeNodes nodes = MemoryTreeNodes.of(leaves);
        byte[] root = nodes.range().root();
        for (int i = 0; i < size; i++) {
            nodes.resetReads();
            List<byte[]> proof = MerkleProofs.inclusion(i, size, nodes);
            assertTrue(nodes.reads() <= 2L * bits(size), "reads " + nodes.reads() + " for size " + size);
            MerkleVerifier.verifyInclusion(i, size, leaves.get(i), proof, root);
        }
        int m = Math.floorMod(pick, size);
        assertProofsEqual(RfcReference.path(m, leaves), MerkleProofs.inclusion(m, size, nodes));
    }

    @Property(tries = 100)
    void everyConsistencyProofVerifies(
            @ForAll @IntRange(min = 1, max = MAX_SIZE) int size, @ForAll long seed, @ForAll int pick)
            throws ProofException {
        List<byte[]> leaves = MerkleTrees.leaves(size, seed);
        MemoryTreeNodes nodes = MemoryTreeNodes.of(leaves);
        byte[] root2 = nodes.range().root();
        for (int size1 = 1; size1 <= size; size1++) {
            nodes.resetReads();
            List<byte[]> proof = MerkleProofs.consistency(size1, size, nodes);
            assertTrue(nodes.reads() <= 3L * bits(size), "reads " + nodes.reads() + " for " + size1 + "->" + size);
            MerkleVerifier.verifyConsistency(size1, size, proof, MerkleProofs.root(size1, nodes), root2);
        }
        int m = 1 + Math.floorMod(pick, size);
        assertProofsEqual(RfcReference.proof(m, leaves), MerkleProofs.consistency(m, size, nodes));
    }

    @Property(tries = 200)
    void flippedBitInInclusionIsRejected(
            @ForAll @IntRange(min = 1, max = MAX_SIZE) int size,
            @ForAll long seed,
            @ForAll int pick,
            @ForAll @IntRange(min = 0, max = 2) int target,
            @ForAll int element,
            @ForAll int bit) {
        List<byte[]> leaves = MerkleTrees.leaves(size, seed);
        MemoryTreeNodes nodes = MemoryTreeNodes.of(leaves);
        int index = Math.floorMod(pick, size);
        byte[] leaf = leaves.get(index);
        byte[] root = nodes.range().root();
        List<byte[]> proof = MerkleProofs.inclusion(index, size, nodes);
        switch (proof.isEmpty() ? target % 2 : target) {
            case 0 -> leaf = flipBit(leaf, bit);
            case 1 -> root = flipBit(root, bit);
            default -> proof = withFlippedBit(proof, element, bit);
        }
        byte[] finalLeaf = leaf;
        byte[] finalRoot = root;
        List<byte[]> finalProof = proof;
        assertThrows(ProofException.class,
                () -> MerkleVerifier.verifyInclusion(index, size, finalLeaf, finalProof, finalRoot));
    }

    @Property(tries = 200)
    void flippedBitInConsistencyIsRejected(
            @ForAll @IntRange(min = 2, max = MAX_SIZE) int size,
            @ForAll long seed,
            @ForAll int pick,
            @ForAll @IntRange(min = 0, max = 2) int target,
            @ForAll int element,
            @ForAll int bit) {
        MemoryTreeNodes nodes = MemoryTreeNodes.of(MerkleTrees.leaves(size, seed));
        int size1 = 1 + Math.floorMod(pick, size);
        byte[] root1 = MerkleProofs.root(size1, nodes);
        byte[] root2 = nodes.range().root();
        List<byte[]> proof = MerkleProofs.consistency(size1, size, nodes);
        switch (proof.isEmpty() ? target % 2 : target) {
            case 0 -> root1 = flipBit(root1, bit);
            case 1 -> root2 = flipBit(root2, bit);
            default -> proof = withFlippedBit(proof, element, bit);
        }
        byte[] r1 = root1;
        byte[] r2 = root2;
        List<byte[]> p = proof;
        assertThrows(ProofException.class, () -> MerkleVerifier.verifyConsistency(size1, size, p, r1, r2));
    }

    @Property(tries = 100)
    void proofsWithAHashTooManyOrTooFewAreRejected(
            @ForAll @IntRange(min = 1, max = MAX_SIZE) int size, @ForAll long seed, @ForAll int pick) {
        List<byte[]> leaves = MerkleTrees.leaves(size, seed);
        MemoryTreeNodes nodes = MemoryTreeNodes.of(leaves);
        byte[] root = nodes.range().root();
        int index = Math.floorMod(pick, size);
        List<byte[]> inclusion = MerkleProofs.inclusion(index, size, nodes);
        for (List<byte[]> bad : lengthMutations(inclusion, root)) {
            assertThrows(ProofException.class,
                    () -> MerkleVerifier.verifyInclusion(index, size, leaves.get(index), bad, root));
        }
        int size1 = 1 + Math.floorMod(pick, size);
        byte[] root1 = MerkleProofs.root(size1, nodes);
        List<byte[]> consistency = MerkleProofs.consistency(size1, size, nodes);
        for (List<byte[]> bad : lengthMutations(consistency, root)) {
            assertThrows(ProofException.class,
                    () -> MerkleVerifier.verifyConsistency(size1, size, bad, root1, root));
        }
    }

    /** The proof with one extra hash appended or prepended, and with its first or last hash dropped. */
    private static List<List<byte[]>> lengthMutations(List<byte[]> proof, byte[] extra) {
        List<List<byte[]>> out = new ArrayList<>();
        List<byte[]> appended = new ArrayList<>(proof);
        appended.add(extra);
        out.add(appended);
        List<byte[]> prepended = new ArrayList<>(proof);
        prepended.add(0, extra);
        out.add(prepended);
        if (!proof.isEmpty()) {
            out.add(proof.subList(1, proof.size()));
            out.add(proof.subList(0, proof.size() - 1));
        }
        return out;
    }

    private static void assertFrontiersEqual(CompactRange want, CompactRange got) {
        assertProofsEqual(want.frontier(), got.frontier());
    }

    static void assertProofsEqual(List<byte[]> want, List<byte[]> got) {
        assertEquals(want.size(), got.size(), "number of hashes");
        for (int i = 0; i < want.size(); i++) {
            assertArrayEquals(want.get(i), got.get(i), "hash " + i);
        }
    }
}

package dev.metanode.core.log;

import static dev.metanode.core.log.MerklePropertiesTest.assertProofsEqual;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exhaustive checks on small trees, and the argument checks and error messages. */
class MerkleProofsTest {
    private static final int EXHAUSTIVE_MAX = 64;

    @Test
    void everyProofInEveryTreeUpTo64LeavesMatchesTheRfcAndVerifies() throws ProofException {
        List<byte[]> all = MerkleTrees.leaves(EXHAUSTIVE_MAX, 42);
        MemoryTreeNodes nodes = MemoryTreeNodes.of(all);
        for (int n = 1; n <= EXHAUSTIVE_MAX; n++) {
            List<byte[]> leaves = all.subList(0, n);
            byte[] root = RfcReference.mth(leaves);
            assertArrayEquals(root, MerkleProofs.root(n, nodes));
            for (int m = 0; m < n; m++) {
                List<byte[]> proof = MerkleProofs.inclusion(m, n, nodes);
                assertProofsEqual(RfcReference.path(m, leaves), proof);
                MerkleVerifier.verifyInclusion(m, n, leaves.get(m), proof, root);
            }
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = MerkleProofs.consistency(m, n, nodes);
                assertProofsEqual(m == n ? List.of() : RfcReference.proof(m, leaves), proof);
                MerkleVerifier.verifyConsistency(m, n, proof, RfcReference.mth(all.subList(0, m)), root);
            }
        }
    }

    @Test
    void appendHandsEveryNewNodeToTheSinkBottomUp() {
        CompactRange range = CompactRange.empty();
        List<byte[]> leaves = MerkleTrees.leaves(4, 7);
        for (int i = 0; i < 3; i++) {
            range.append(leaves.get(i), NodeSink.discard());
        }
        List<String> seen = new ArrayList<>();
        range.append(leaves.get(3), (level, index, hash) -> seen.add(level + "/" + index));
        assertEquals(List.of("0/3", "1/1", "2/0"), seen);
        assertEquals(1, range.frontier().size());
    }

    @Test
    void aFailingSinkLeavesTheRangeUnchanged() {
        CompactRange range = CompactRange.empty();
        List<byte[]> leaves = MerkleTrees.leaves(2, 7);
        range.append(leaves.get(0), NodeSink.discard());
        byte[] before = range.root();
        NodeSink failing = (level, index, hash) -> {
            if (level == 1) {
                throw new IllegalStateException("disk full");
            }
        };
        assertThrows(IllegalStateException.class, () -> range.append(leaves.get(1), failing));
        assertEquals(1, range.size());
        assertArrayEquals(before, range.root());
    }

    @Test
    void argumentChecksSayWhatIsWrong() {
        MemoryTreeNodes nodes = MemoryTreeNodes.of(MerkleTrees.leaves(5, 1));
        assertMessage(IllegalArgumentException.class, () -> MerkleProofs.inclusion(5, 5, nodes), "not in a tree");
        assertMessage(IllegalArgumentException.class, () -> MerkleProofs.inclusion(-1, 5, nodes), "not in a tree");
        assertMessage(IllegalArgumentException.class, () -> MerkleProofs.consistency(0, 5, nodes), "positive");
        assertMessage(IllegalArgumentException.class, () -> MerkleProofs.consistency(4, 3, nodes), "larger");
        assertMessage(IllegalArgumentException.class, () -> MerkleProofs.root(-1, nodes), "negative");
        assertMessage(IllegalArgumentException.class, () -> CompactRange.restore(-1, nodes), "negative");
        assertMessage(IllegalArgumentException.class,
                () -> CompactRange.empty().append(new byte[31], NodeSink.discard()), "32 bytes");
        assertMessage(IllegalStateException.class, () -> MerkleProofs.root(6, nodes), "no node");
    }

    @Test
    void verifierReasonsArePrecise() {
        List<byte[]> leaves = MerkleTrees.leaves(6, 3);
        MemoryTreeNodes nodes = MemoryTreeNodes.of(leaves);
        byte[] root = nodes.range().root();
        byte[] root3 = MerkleProofs.root(3, nodes);
        List<byte[]> proof = MerkleProofs.inclusion(2, 6, nodes);
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(root);
        assertReason(() -> MerkleVerifier.verifyInclusion(6, 6, leaves.get(0), proof, root), "not below the tree size");
        assertReason(() -> MerkleVerifier.verifyInclusion(-1, 6, leaves.get(0), proof, root), "negative");
        assertReason(() -> MerkleVerifier.verifyInclusion(2, 6, new byte[0], proof, root), "leaf hash");
        assertReason(() -> MerkleVerifier.verifyInclusion(2, 6, leaves.get(2), longer, root), "too many");
        assertReason(() -> MerkleVerifier.verifyInclusion(2, 6, leaves.get(2), proof.subList(1, 3), root), "too few");
        assertReason(() -> MerkleVerifier.verifyInclusion(2, 6, leaves.get(2), null, root), "no proof");
        assertReason(() -> MerkleVerifier.verifyInclusion(2, 6, leaves.get(1), proof, root), "does not match root");
        List<byte[]> cproof = MerkleProofs.consistency(3, 6, nodes);
        assertReason(() -> MerkleVerifier.verifyConsistency(0, 6, List.of(), root3, root), "size1 is 0");
        assertReason(() -> MerkleVerifier.verifyConsistency(7, 6, cproof, root3, root), "larger");
        assertReason(() -> MerkleVerifier.verifyConsistency(3, 3, cproof, root3, root3), "must be empty");
        assertReason(() -> MerkleVerifier.verifyConsistency(3, 3, List.of(), root3, root), "equal sizes");
        assertReason(() -> MerkleVerifier.verifyConsistency(3, 6, List.of(), root3, root), "too few");
        assertReason(() -> MerkleVerifier.verifyConsistency(3, 6, cproof, root, root), "root1");
        assertReason(() -> MerkleVerifier.verifyConsistency(3, 6, cproof, root3, root3), "root2");
    }

    @Test
    void hugeSizesDoNotOverflow() throws ProofException {
        // A tree of 2^62 + 1 leaves is never built, but the arithmetic must hold up: the proof for the
        // last leaf is just the root of the left 2^62 leaves.
        long size = (1L << 62) + 1;
        byte[] left = MerkleTrees.leaves(1, 9).get(0);
        byte[] leaf = MerkleTrees.leaves(2, 9).get(1);
        byte[] root = MerkleHash.nodeHash(left, leaf);
        MerkleVerifier.verifyInclusion(size - 1, size, leaf, List.of(left), root);
        assertReason(() -> MerkleVerifier.verifyInclusion(Long.MAX_VALUE, Long.MAX_VALUE, leaf, List.of(), root),
                "not below");
    }

    private static void assertReason(Check check, String fragment) {
        ProofException e = assertThrows(ProofException.class, check::run);
        assertTrue(e.getMessage().contains(fragment), "'" + e.getMessage() + "' should mention '" + fragment + "'");
    }

    private static void assertMessage(Class<? extends RuntimeException> type, Runnable call, String fragment) {
        RuntimeException e = assertThrows(type, call::run);
        assertTrue(e.getMessage().contains(fragment), "'" + e.getMessage() + "' should mention '" + fragment + "'");
    }

    @FunctionalInterface
    private interface Check {
        void run() throws ProofException;
    }
}

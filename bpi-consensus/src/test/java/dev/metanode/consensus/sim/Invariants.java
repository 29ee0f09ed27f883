package dev.metanode.consensus.sim;

import dev.metanode.consensus.chain.BlockHeader;
import dev.metanode.consensus.chain.Genesis;
import dev.metanode.consensus.chain.HeaderVerifier;
import dev.metanode.consensus.chain.InvalidBlockException;
import dev.metanode.consensus.chain.SealedBlock;
import dev.metanode.consensus.chain.SealedHeader;
import dev.metanode.consensus.chain.SignatureVerifier;
import dev.metanode.consensus.chain.ValidatorSet;
import dev.metanode.consensus.chain.Block;
import dev.metanode.consensus.state.ChainStore;
import dev.metanode.consensus.vrf.Ecvrf;
import dev.metanode.consensus.vrf.ProposerSelector;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What must hold in every run: at most one final block per height across honest validators; every
 * final block sealed by a quorum of its height's set; its PoH chain continues its parent's and
 * recomputes; its proposer was drawn by the parent's VRF output and its VRF proof verifies.
 */
final class Invariants {
    private Invariants() {}

    static void check(Genesis genesis, List<SimNode> honest, Map<Long, ValidatorSet> sets, SignatureVerifier verifier) {
        long top = honest.stream().mapToLong(SimNode::height).max().orElse(0);
        BlockHeader parent = null;
        for (long h = 1; h <= top; h++) {
            SealedBlock reference = null;
            for (SimNode node : honest) {
                Optional<SealedBlock> block = new ChainStore(node.disk).block(h);
                if (block.isEmpty()) {
                    continue;
                }
                if (reference == null) {
                    reference = block.get();
                } else if (!Arrays.equals(reference.block().hash(), block.get().block().hash())) {
                    throw new AssertionError("two different final blocks at height " + h);
                }
            }
            if (reference == null) {
                throw new AssertionError("no honest validator has height " + h + " though one has " + top);
            }
            checkBlock(genesis, reference, parent, sets.get(h), verifier);
            parent = reference.header();
        }
    }

    private static void checkBlock(Genesis genesis, SealedBlock sealed, BlockHeader parent, ValidatorSet set,
            SignatureVerifier verifier) {
        BlockHeader header = sealed.header();
        if (set == null) {
            throw new AssertionError("no validator set recorded for height " + header.height());
        }
        try {
            HeaderVerifier.verify(new SealedHeader(header, sealed.seals()), set, verifier);
        } catch (InvalidBlockException e) {
            throw new AssertionError("final block " + header.height() + " fails light-client verification: " + e.getMessage());
        }
        byte[] pohStart = parent == null ? genesis.hash() : parent.poh().end();
        byte[] seed = parent == null ? ProposerSelector.genesisSeed(genesis.hash())
                : Ecvrf.proofToHash(parent.vrfProof()).orElseThrow();
        if (!Arrays.equals(header.poh().start(), pohStart)) {
            throw new AssertionError("PoH of block " + header.height() + " does not continue its parent's");
        }
        header.poh().verify(Block.pohDigests(sealed.block().transactions())).ifPresent(problem -> {
            throw new AssertionError("PoH of block " + header.height() + ": " + problem);
        });
        if (!ProposerSelector.select(set, seed, header.round()).key().equals(header.proposer())) {
            throw new AssertionError("block " + header.height() + " was proposed by a validator the VRF draw did not pick");
        }
    }
}

package dev.metanode.consensus;

import dev.metanode.consensus.chain.BlockHeader;
import dev.metanode.consensus.chain.Genesis;
import dev.metanode.consensus.chain.SealedBlock;
import dev.metanode.consensus.chain.ValidatorSet;
import dev.metanode.consensus.state.ChainStore;
import dev.metanode.consensus.state.ModuleState;
import dev.metanode.consensus.state.StateOverlay;
import dev.metanode.consensus.state.ValidatorModule;
import dev.metanode.consensus.validation.HeightContext;
import dev.metanode.consensus.vrf.Ecvrf;
import dev.metanode.consensus.vrf.ProposerSelector;

/** Derives the context of the next height from the final chain: after genesis, or after a final block. */
final class HeightContexts {
    private HeightContexts() {}

    static HeightContext next(ChainStore chain, Genesis genesis) {
        long last = chain.height();
        ValidatorSet validators = ValidatorModule.currentSet(
                new ModuleState(ValidatorModule.MODULE, new StateOverlay(chain.kv())));
        if (last == 0) {
            byte[] hash = genesis.hash();
            return new HeightContext(genesis.chainId(), 1, validators, hash, hash, genesis.timestampMillis(),
                    ProposerSelector.genesisSeed(hash));
        }
        SealedBlock block = chain.block(last).orElseThrow(() -> new IllegalStateException("final block " + last + " is missing"));
        return after(genesis.chainId(), block, validators);
    }

    static HeightContext after(String chainId, SealedBlock block, ValidatorSet nextValidators) {
        BlockHeader h = block.header();
        byte[] seed = Ecvrf.proofToHash(h.vrfProof())
                .orElseThrow(() -> new IllegalStateException("a final block's VRF proof must decode"));
        return new HeightContext(chainId, h.height() + 1, nextValidators, h.hash(), h.poh().end(), h.timestampMillis(), seed);
    }
}

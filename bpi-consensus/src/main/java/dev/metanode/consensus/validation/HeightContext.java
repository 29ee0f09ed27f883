package dev.metanode.consensus.validation;

import dev.metanode.consensus.chain.ValidatorSet;
import dev.metanode.consensus.vrf.ProposerSelector;
import dev.metanode.core.crypto.PublicKey;

/**
 * What every node knows about the height being decided, from the final chain alone: the validators,
 * the parent's hash, PoH end and timestamp, and the seed of proposer choice (the parent's VRF output).
 */
public record HeightContext(String chainId, long height, ValidatorSet validators, byte[] parentHash,
        byte[] parentPohEnd, long parentTimestampMillis, byte[] seed) {
    public PublicKey proposer(int round) {
        return ProposerSelector.select(validators, seed, round).key();
    }
}

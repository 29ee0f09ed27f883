package dev.metanode.consensus.chain;

import java.util.List;

/** A header with its commit seals: all a light client needs, with the validator set, to trust a block. */
public record SealedHeader(BlockHeader header, List<CommitSeal> seals) {
    public SealedHeader {
        seals = List.copyOf(seals);
    }
}

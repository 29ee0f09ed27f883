package dev.metanode.consensus.payload;

import dev.metanode.consensus.chain.SealedBlock;

/** A final block with its seals, sent to a validator that is behind (it verifies the seals itself). */
public record FinalBlock(SealedBlock block) implements Message {}

package dev.metanode.consensus.payload;

/**
 * Everything validators send each other: the four QBFT messages, transaction gossip, and the two
 * messages of block catch-up. {@link MessageCodec} turns them into bytes and back.
 */
public sealed interface Message permits Proposal, Prepare, Commit, RoundChange, TxGossip, BlockRequest, FinalBlock,
        CheckpointGossip {}

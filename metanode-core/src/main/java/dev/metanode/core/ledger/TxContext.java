package dev.metanode.core.ledger;

/**
 * What a handler may know about where a transaction is being applied: the block height, the
 * transaction's index in the block and the proposer's timestamp. Handlers must not read the
 * wall clock: this timestamp is the same on every node.
 */
public record TxContext(long height, int index, long timestampMillis) {}

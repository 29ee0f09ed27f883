package dev.metanode.consensus.payload;

import dev.metanode.core.ledger.Transaction;
import java.util.List;

/**
 * Transactions passed on so that every validator's mempool (and so every proposer) has them. A
 * node gossips what its clients submitted together in one message: one frame, one decryption and
 * one check task per peer for many transactions rather than for each.
 */
public record TxGossip(List<Transaction> txs) implements Message {
    /** Transactions in one message at most (~100 KiB of typical transactions). */
    public static final int TXS_MAX = 512;

    public TxGossip {
        txs = List.copyOf(txs);
        if (txs.isEmpty() || txs.size() > TXS_MAX) {
            throw new IllegalArgumentException("1.." + TXS_MAX + " transactions, got " + txs.size());
        }
    }

    public TxGossip(Transaction tx) {
        this(List.of(tx));
    }
}

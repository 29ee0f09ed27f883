package dev.metanode.consensus.runtime;

import dev.metanode.consensus.mempool.Mempool;
import dev.metanode.core.ledger.CommittedBlock;
import dev.metanode.core.ledger.TxInclusion;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Futures of locally submitted transactions, by transaction id, until a final block includes them.
 * Used only on the consensus thread. Futures are completed through {@code completions} so that
 * callers' dependent stages never run on the consensus thread.
 */
final class PendingTxs {
    /** Futures waiting at once; each stands for a mempool entry, so the mempool's bound is enough. */
    static final int PENDING_MAX = Mempool.TXS_MAX;

    private final Map<String, CompletableFuture<TxInclusion>> byTxId = new HashMap<>();
    private final Executor completions;

    PendingTxs(Executor completions) {
        this.completions = completions;
    }

    /** The future already waiting for {@code txIdHex}, or null. */
    CompletableFuture<TxInclusion> get(String txIdHex) {
        return byTxId.get(txIdHex);
    }

    boolean full() {
        return byTxId.size() >= PENDING_MAX;
    }

    void add(String txIdHex, CompletableFuture<TxInclusion> future) {
        byTxId.put(txIdHex, future);
    }

    CompletableFuture<TxInclusion> remove(String txIdHex) {
        return byTxId.remove(txIdHex);
    }

    /** Completes the futures of every transaction in {@code block}. */
    void committed(CommittedBlock block) {
        if (byTxId.isEmpty()) {
            return;
        }
        for (TxInclusion outcome : block.outcomes()) {
            CompletableFuture<TxInclusion> future = byTxId.remove(outcome.txIdHex());
            if (future != null) {
                completions.execute(() -> future.complete(outcome));
            }
        }
    }

    /** Fails every waiting future with {@code reason} (the node is stopping). */
    void failAll(RuntimeException reason) {
        byTxId.values().forEach(f -> completions.execute(() -> f.completeExceptionally(reason)));
        byTxId.clear();
    }

    int size() {
        return byTxId.size();
    }
}

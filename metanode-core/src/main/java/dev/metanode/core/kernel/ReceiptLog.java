package dev.metanode.core.kernel;

import dev.metanode.core.receipt.LoggedReceipt;
import dev.metanode.core.receipt.ReceiptDraft;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The port every module uses to leave a receipt: the log signs the draft with the node key and
 * appends it to the append-only Merkle log. The future completes once the receipt is durable
 * (on disk, fsynced); appends from many threads are group-committed together.
 */
public interface ReceiptLog {
    CompletableFuture<LoggedReceipt> append(ReceiptDraft draft);

    /** Appends and waits until durable. */
    default LoggedReceipt appendAndWait(ReceiptDraft draft) {
        try {
            return append(draft).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while appending a receipt", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("receipt append failed: " + cause.getMessage(), cause);
        }
    }

    /** Number of receipts in the log. */
    long size();

    /** The receipt with this id (or a unique prefix of at least 8 hex characters after "rx_"). */
    Optional<LoggedReceipt> find(String id);

    Optional<LoggedReceipt> get(long index);
}

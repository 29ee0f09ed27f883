package dev.metanode.core.kernel;

import dev.metanode.core.ledger.CommittedBlock;
import dev.metanode.core.ledger.Transaction;
import dev.metanode.core.ledger.TxInclusion;
import java.util.concurrent.CompletableFuture;

/**
 * The ordered, final record of state changes (BPI consensus implements it). Modules submit signed
 * {@link Transaction}s; consensus orders them into blocks, every validator applies them through the
 * registered {@link TxHandler}s in the same order, and a block is final once a quorum of validators
 * has sealed it. There are no forks to wait out: a completed inclusion never changes.
 */
public interface Ledger {
    /**
     * Submits a transaction for ordering. It is checked at once (signature, size, a handler for its
     * module and type, the handler's {@link TxHandler#check}); the future completes when a final
     * block includes it, and fails with an {@link IllegalArgumentException} naming the reason if
     * it is refused before ordering (or with {@link IllegalStateException} if the node stops).
     * Submitting the same transaction twice returns the same inclusion.
     */
    CompletableFuture<TxInclusion> submit(Transaction tx);

    /**
     * Calls {@code listener} with every block that becomes final from now on, in height order, one
     * at a time, on the ledger's own thread: a listener that blocks delays the next call, never
     * consensus itself. Close the subscription to stop.
     */
    Subscription follow(BlockListener listener);

    /** The height of the last final block; 0 before the first. */
    long height();

    /** Receives final blocks. */
    @FunctionalInterface
    interface BlockListener {
        void onCommitted(CommittedBlock block);
    }

    /** Ends a {@link #follow} registration; closing twice is harmless. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}

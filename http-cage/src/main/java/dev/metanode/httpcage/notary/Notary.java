package dev.metanode.httpcage.notary;

import dev.metanode.core.kernel.Clock;
import dev.metanode.core.kernel.ReceiptLog;
import dev.metanode.core.receipt.LoggedReceipt;
import dev.metanode.httpcage.metrics.CageMetrics;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands pipeline records to the {@link ReceiptLog} off the event loop. A request reserves a slot
 * before it is let through ({@link #tryReserve}), so the number of exchanges waiting for a receipt
 * is bounded by {@link #IN_FLIGHT_MAX} and a saturated log turns into 503s, never into lost receipts.
 */
public final class Notary implements AutoCloseable {
    /** Exchanges in flight or waiting for their receipt to be durable. */
    public static final int IN_FLIGHT_MAX = 8192;

    private final ReceiptLog log;
    private final Clock clock;
    private final CageMetrics metrics;
    private final Semaphore slots;
    private final ExecutorService worker;
    private volatile Consumer<LoggedReceipt> listener = r -> { };

    public Notary(ReceiptLog log, Clock clock, CageMetrics metrics, int inFlightMax) {
        this.log = log;
        this.clock = clock;
        this.metrics = metrics;
        this.slots = new Semaphore(inFlightMax);
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "http-cage-notary");
            t.setDaemon(true);
            return t;
        });
    }

    /** Reserves room for one receipt; false means the log is saturated. Never blocks. */
    public boolean tryReserve() {
        return slots.tryAcquire();
    }

    /** Gives back a reservation that will not be used. */
    public void release() {
        slots.release();
    }

    /** Queues a receipt for a reserved slot; the slot is freed once the receipt is durable. */
    public void submit(PipelineRecord record) {
        long queuedNanos = clock.nanoTime();
        worker.execute(() -> append(record, queuedNanos));
    }

    private void append(PipelineRecord record, long queuedNanos) {
        CompletableFuture<LoggedReceipt> future;
        try {
            future = log.append(PipelineReceipts.draft(record));
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        future.whenComplete((receipt, error) -> {
            slots.release();
            metrics.notaryLag(clock.nanoTime() - queuedNanos);
            if (error != null) {
                metrics.notaryFailure();
            } else {
                listener.accept(receipt);
            }
        });
    }

    /** Called with each receipt once durable (tests, the daemon's event stream). */
    public void onReceipt(Consumer<LoggedReceipt> listener) {
        this.listener = listener;
    }

    public int inFlight(int inFlightMax) {
        return inFlightMax - slots.availablePermits();
    }

    @Override
    public void close() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }
}

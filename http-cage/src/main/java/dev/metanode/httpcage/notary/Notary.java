package dev.metanode.httpcage.notary;

import dev.metanode.core.kernel.Clock;
import dev.metanode.core.kernel.ReceiptLog;
import dev.metanode.core.receipt.LoggedReceipt;
import dev.metanode.httpcage.metrics.CageMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Notarises exchanges in batches, off the event loop. A request reserves a slot before it is let
 * through ({@link #tryReserve}), so the number of exchanges waiting for a receipt is bounded by
 * {@link #IN_FLIGHT_MAX} and a saturated log turns into 503s, never into lost receipts.
 *
 * <p>The notary's thread takes whatever exchanges have finished (up to
 * {@link #BATCH_EXCHANGES_MAX}), stores their records, and appends one pipeline receipt signing
 * the Merkle root over them. Batches size themselves: one exchange at a time when traffic is
 * light (no added wait), hundreds under load, where one Ed25519 signature and one log leaf per
 * exchange used to be the cage's ceiling.
 */
public final class Notary implements AutoCloseable {
    /** Exchanges in flight or waiting for their receipt to be durable. */
    public static final int IN_FLIGHT_MAX = 8192;
    /** Exchanges under one receipt; bounds a proof's path to 10 hashes. */
    public static final int BATCH_EXCHANGES_MAX = 1024;
    /** A batch smaller than this waits up to {@link #LINGER_MS} for more exchanges. */
    static final int BATCH_EXCHANGES_TARGET = 256;
    /** How long a small batch waits for more; notarisation lag grows by at most this. */
    static final long LINGER_MS = 2;

    private record Finished(PipelineRecord record, long seq, long endedMs, long queuedNanos) {}

    private final ReceiptLog log;
    private final ExchangeStore exchanges;
    private final Clock clock;
    private final CageMetrics metrics;
    private final Semaphore slots;
    private final BlockingQueue<Finished> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private long nextSeq;
    private volatile boolean closed;
    private volatile Consumer<LoggedReceipt> listener = r -> { };

    public Notary(ReceiptLog log, ExchangeStore exchanges, Clock clock, CageMetrics metrics, int inFlightMax) {
        this.log = log;
        this.exchanges = exchanges;
        this.clock = clock;
        this.metrics = metrics;
        this.slots = new Semaphore(inFlightMax);
        this.worker = Thread.ofPlatform().name("http-cage-notary").daemon(true).start(this::run);
    }

    /** Reserves room for one receipt; false means the log is saturated. Never blocks. */
    public boolean tryReserve() {
        return slots.tryAcquire();
    }

    /** Gives back a reservation that will not be used. */
    public void release() {
        slots.release();
    }

    /** Queues a finished exchange for a reserved slot; the slot is freed once its batch is durable. */
    public synchronized void submit(PipelineRecord record) {
        // Sequence numbers are taken here, in the order exchanges finish, under the lock that orders the queue.
        queue.add(new Finished(record, nextSeq++, clock.millis(), clock.nanoTime()));
    }

    private void run() {
        List<Finished> batch = new ArrayList<>(BATCH_EXCHANGES_MAX);
        while (!closed || !queue.isEmpty()) {
            try {
                Finished first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH_EXCHANGES_MAX - 1);
                linger(batch);
                notarise(List.copyOf(batch));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Already counted as failures in notarise; the thread must live on for the next batch.
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * A small batch waits up to {@link #LINGER_MS} for more: each batch costs a signed receipt and a
     * synced log write, so under load a batch of 20 spent more on its signature than on its
     * exchanges. Responses never wait for this; only the receipt comes that much later.
     */
    private void linger(List<Finished> batch) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MS);
        long left;
        while (batch.size() < BATCH_EXCHANGES_TARGET && (left = until - System.nanoTime()) > 0) {
            Finished next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, BATCH_EXCHANGES_MAX - batch.size());
        }
    }

    private void notarise(List<Finished> finished) {
        CompletableFuture<LoggedReceipt> future;
        ExchangeBatch batch = null;
        List<PipelineRecord> records = new ArrayList<>(finished.size());
        try {
            List<byte[]> encoded = new ArrayList<>(finished.size());
            for (Finished f : finished) {
                records.add(f.record());
                encoded.add(ExchangeRecord.encode(f.record(), f.seq(), f.endedMs()));
            }
            batch = new ExchangeBatch(encoded);
            exchanges.putRecords(batch, log.size());
            future = log.append(PipelineReceipts.batchDraft(batch, records, finished.get(0).seq()));
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        byte[] root = batch == null ? null : batch.root();
        future.whenComplete((receipt, error) -> {
            slots.release(finished.size());
            long now = clock.nanoTime();
            for (Finished f : finished) {
                metrics.notaryLag(now - f.queuedNanos());
            }
            if (error != null) {
                for (int i = 0; i < finished.size(); i++) {
                    metrics.notaryFailure();
                }
                return;
            }
            exchanges.putReceipt(root, receipt.id());
            listener.accept(receipt);
        });
    }

    /** Called with each batch receipt once durable (tests, the daemon's event stream). */
    public void onReceipt(Consumer<LoggedReceipt> listener) {
        this.listener = listener;
    }

    public int inFlight(int inFlightMax) {
        return inFlightMax - slots.availablePermits();
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        worker.join(TimeUnit.SECONDS.toMillis(5));
    }
}

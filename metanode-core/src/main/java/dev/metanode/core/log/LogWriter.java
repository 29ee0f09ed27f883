package dev.metanode.core.log;

import dev.metanode.core.kernel.Clock;
import dev.metanode.core.receipt.LoggedReceipt;
import dev.metanode.core.receipt.ReceiptIds;
import dev.metanode.core.store.KvStore;
import dev.metanode.core.store.WriteBatch;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of the log. It owns the frontier, takes every waiting append, writes them
 * in one batch with one fsync (group commit), and only then completes their futures — so an
 * acknowledged receipt survives a crash. It also signs a checkpoint at least once per interval
 * while the log grows.
 */
final class LogWriter implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(LogWriter.class);
    private static final long IDLE_POLL_MS = 50;

    private final KvStore store;
    private final CheckpointSigner checkpointSigner;
    private final Clock clock;
    private final LogSettings settings;
    private final BlockingQueue<PendingAppend> queue;
    private final ConcurrentLinkedQueue<CompletableFuture<String>> checkpointRequests = new ConcurrentLinkedQueue<>();
    private CompactRange frontier;
    private volatile long size;
    private volatile String latestCheckpoint;
    private volatile long latestCheckpointSize;
    private long latestCheckpointMs;
    private volatile boolean stopping;
    private final java.util.List<java.util.function.Consumer<String>> checkpointListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    LogWriter(KvStore store, CheckpointSigner signer, Clock clock, LogSettings settings, CompactRange frontier,
            long size, String latestCheckpoint, long latestCheckpointSize) {
        this.store = store;
        this.checkpointSigner = signer;
        this.clock = clock;
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(settings.appendQueueDepthMax());
        this.frontier = frontier;
        this.size = size;
        this.latestCheckpoint = latestCheckpoint;
        this.latestCheckpointSize = latestCheckpointSize;
    }

    boolean offer(PendingAppend pending) {
        return !stopping && queue.offer(pending);
    }

    long size() {
        return size;
    }

    String latestCheckpoint() {
        return latestCheckpoint;
    }

    long latestCheckpointSize() {
        return latestCheckpointSize;
    }

    /** A checkpoint covering every receipt acknowledged before this call. */
    CompletableFuture<String> requestCheckpoint() {
        CompletableFuture<String> future = new CompletableFuture<>();
        checkpointRequests.add(future);
        return future;
    }

    void stop() {
        stopping = true;
    }

    void onCheckpoint(java.util.function.Consumer<String> listener) {
        checkpointListeners.add(listener);
    }

    @Override
    public void run() {
        List<PendingAppend> batch = new ArrayList<>(settings.groupCommitBatchMax());
        while (!stopping || !queue.isEmpty()) {
            try {
                PendingAppend first = queue.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, settings.groupCommitBatchMax() - 1);
                    commit(batch);
                    batch.clear();
                }
                checkpointIfDue(false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.error("receipt log writer: {}", e.toString());
            }
        }
        checkpointIfDue(true);
        failWaiting(new IllegalStateException("receipt log is closed"));
    }

    private void commit(List<PendingAppend> batch) {
        long base = size;
        WriteBatch writes = new WriteBatch();
        List<LoggedReceipt> logged = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            PendingAppend p = batch.get(i);
            long index = base + i;
            frontier.append(p.leafHash(), (level, at, hash) ->
                    writes.put(LogColumns.NODES, new LogColumns.NodeId(level, at), hash));
            writes.put(LogColumns.RECEIPTS, index, p.envelope());
            writes.put(LogColumns.IDS, HexFormat.of().formatHex(p.leafHash()), index);
            writes.put(LogColumns.SUMMARIES, index, p.summary());
            logged.add(new LoggedReceipt(ReceiptIds.fromLeafHash(p.leafHash()), index, p.leafHash(), p.envelope()));
        }
        writes.put(LogColumns.META, "size", base + batch.size());
        try {
            store.write(writes, true);
        } catch (RuntimeException e) {
            // Nothing of the batch is on disk: put the frontier back as it was and tell every caller.
            frontier = CompactRange.restore(base, new StoredTreeNodes(store));
            batch.forEach(p -> p.done().completeExceptionally(e));
            return;
        }
        size = base + batch.size();
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(logged.get(i));
        }
    }

    private void checkpointIfDue(boolean force) {
        boolean requested = !checkpointRequests.isEmpty();
        long now = clock.millis();
        boolean grown = size > latestCheckpointSize;
        if (grown && (force || requested || now - latestCheckpointMs >= settings.checkpointIntervalMs())) {
            String note = checkpointSigner.sign(size, frontier.root());
            store.write(new WriteBatch().put(LogColumns.CHECKPOINTS, size, note), true);
            latestCheckpoint = note;
            latestCheckpointSize = size;
            latestCheckpointMs = now;
            for (java.util.function.Consumer<String> listener : checkpointListeners) {
                try {
                    listener.accept(note);
                } catch (RuntimeException e) {
                    LOG.warn("a checkpoint listener failed: {}", e.toString());
                }
            }
        }
        CompletableFuture<String> waiting;
        while ((waiting = checkpointRequests.poll()) != null) {
            if (latestCheckpoint == null) {
                waiting.completeExceptionally(new IllegalStateException("the log is empty: no checkpoint yet"));
            } else {
                waiting.complete(latestCheckpoint);
            }
        }
    }

    private void failWaiting(RuntimeException e) {
        PendingAppend p;
        while ((p = queue.poll()) != null) {
            p.done().completeExceptionally(e);
        }
        CompletableFuture<String> c;
        while ((c = checkpointRequests.poll()) != null) {
            c.completeExceptionally(e);
        }
    }
}

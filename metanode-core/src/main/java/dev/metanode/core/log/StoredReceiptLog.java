package dev.metanode.core.log;

import dev.metanode.core.codec.Json;
import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.kernel.Clock;
import dev.metanode.core.kernel.ReceiptLog;
import dev.metanode.core.receipt.LoggedReceipt;
import dev.metanode.core.receipt.ReceiptDraft;
import dev.metanode.core.receipt.ReceiptIds;
import dev.metanode.core.receipt.ReceiptSigner;
import dev.metanode.core.store.KvStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * The receipt log on a {@link KvStore}: receipts are signed on the caller's thread (so signing
 * scales with cores), then group-committed by one {@link LogWriter}. Proofs are computed from
 * the stored perfect-subtree nodes with O(log n) reads.
 */
public final class StoredReceiptLog implements ReceiptLog, AutoCloseable {
    private final KvStore store;
    private final ReceiptSigner signer;
    private final Clock clock;
    private final TreeNodes nodes;
    private final LogWriter writer;
    private final Thread writerThread;
    private final java.util.List<java.util.function.Consumer<Map<String, Object>>> appendListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    private StoredReceiptLog(KvStore store, ReceiptSigner signer, Clock clock, LogWriter writer) {
        this.store = store;
        this.signer = signer;
        this.clock = clock;
        this.nodes = new StoredTreeNodes(store);
        this.writer = writer;
        this.writerThread = Thread.ofPlatform().name("receipt-log-writer").daemon(false).unstarted(writer);
    }

    /**
     * Opens the log, checks it (see {@link LogAudit}) and starts the writer. Throws
     * {@link LogCorruptionException} if what is stored does not add up.
     */
    public static StoredReceiptLog open(KvStore store, SigningKey key, String origin, Clock clock,
            LogSettings settings) {
        long size = store.get(LogColumns.META, "size").orElse(0L);
        CompactRange frontier = new LogAudit(store).run(size, settings.startupAuditLeavesMax());
        CheckpointSigner checkpointSigner = new CheckpointSigner(key, origin);
        Optional<Map.Entry<Long, String>> latest = latestCheckpointEntry(store);
        latest.ifPresent(e -> checkStoredCheckpoint(store, checkpointSigner, e.getKey(), e.getValue(), size));
        LogWriter writer = new LogWriter(store, checkpointSigner, clock, settings, frontier, size,
                latest.map(Map.Entry::getValue).orElse(null), latest.map(Map.Entry::getKey).orElse(0L));
        StoredReceiptLog log = new StoredReceiptLog(store, new ReceiptSigner(key, key.publicKey().fingerprint()),
                clock, writer);
        log.writerThread.start();
        return log;
    }

    private static Optional<Map.Entry<Long, String>> latestCheckpointEntry(KvStore store) {
        List<Map.Entry<Long, String>> found = new ArrayList<>(1);
        store.scanBackward(LogColumns.CHECKPOINTS, null, (size, note) -> {
            found.add(Map.entry(size, note));
            return false;
        });
        return found.stream().findFirst();
    }

    private static void checkStoredCheckpoint(KvStore store, CheckpointSigner signer, long cpSize, String note,
            long size) {
        String storedOrigin = Checkpoints.ofOwnNote(note).origin();
        if (!storedOrigin.equals(signer.origin())) {
            // Not damage: the configuration names another chain than the one this log belongs to.
            throw new IllegalStateException("this log belongs to " + storedOrigin + " but the configuration says "
                    + signer.origin() + "; a chain id cannot change once the node has a log (put chainId back)");
        }
        Checkpoint checkpoint;
        try {
            checkpoint = new CheckpointVerifier(signer.verifierKey()).verify(note);
        } catch (NoteException | RuntimeException e) {
            throw new LogCorruptionException("the stored checkpoint at size " + cpSize + " does not verify: "
                    + e.getMessage());
        }
        if (checkpoint.size() != cpSize || cpSize > size) {
            throw new LogCorruptionException("the stored checkpoint claims " + checkpoint.size()
                    + " receipts but the log holds " + size + ": receipts were removed");
        }
        byte[] root = MerkleProofs.root(cpSize, new StoredTreeNodes(store));
        if (!java.util.Arrays.equals(root, checkpoint.rootHash())) {
            throw new LogCorruptionException("the log no longer matches its signed checkpoint at size " + cpSize);
        }
    }

    @Override
    public CompletableFuture<LoggedReceipt> append(ReceiptDraft draft) {
        Instant now = clock.instant();
        byte[] envelope = signer.sign(draft, now);
        byte[] leafHash = MerkleHash.leafHash(envelope);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", ReceiptIds.fromLeafHash(leafHash));
        summary.put("kind", draft.kind().wireName());
        summary.put("operation", draft.operation());
        summary.put("actor", draft.actor());
        summary.put("recorded", now.toString());
        List<String> apps = appsOf(draft);
        if (!apps.isEmpty()) {
            summary.put("apps", apps);
        }
        CompletableFuture<LoggedReceipt> done = new CompletableFuture<>();
        if (!appendListeners.isEmpty()) {
            Map<String, Object> appended = Map.copyOf(summary);
            done.thenAccept(receipt -> appendListeners.forEach(listener -> listener.accept(appended)));
        }
        PendingAppend pending = new PendingAppend(envelope, leafHash,
                Json.write(summary).getBytes(StandardCharsets.UTF_8), done);
        if (!writer.offer(pending)) {
            done.completeExceptionally(new IllegalStateException(
                    "receipt log is closed or its append queue is full; try again"));
        }
        return done;
    }

    @Override
    public long size() {
        return writer.size();
    }

    @Override
    public Optional<LoggedReceipt> get(long index) {
        if (index < 0 || index >= size()) {
            return Optional.empty();
        }
        return store.get(LogColumns.RECEIPTS, index).map(envelope -> {
            byte[] leafHash = MerkleHash.leafHash(envelope);
            return new LoggedReceipt(ReceiptIds.fromLeafHash(leafHash), index, leafHash, envelope);
        });
    }

    @Override
    public Optional<LoggedReceipt> find(String id) {
        String hex = ReceiptIds.hexPart(id);
        List<Long> matches = new ArrayList<>(2);
        store.scan(LogColumns.IDS, hex, (leafHex, index) -> {
            if (!leafHex.startsWith(hex)) {
                return false;
            }
            matches.add(index);
            return matches.size() < 2;
        });
        if (matches.size() > 1) {
            throw new IllegalArgumentException("'" + id + "' matches more than one receipt; give more characters");
        }
        return matches.isEmpty() ? Optional.empty() : get(matches.get(0));
    }

    /**
     * The apps a receipt is about, for listings filtered by app: the input {@code app} (an app's
     * life steps) and the list {@code apps} (a batch of notarised HTTP exchanges of several apps).
     */
    static List<String> appsOf(ReceiptDraft draft) {
        List<String> apps = new ArrayList<>();
        if (draft.inputs().get("app") instanceof String app) {
            apps.add(app);
        }
        if (draft.inputs().get("apps") instanceof java.util.Collection<?> listed) {
            listed.forEach(a -> apps.add(String.valueOf(a)));
        }
        return apps;
    }

    /** Summaries, newest first, of receipts with index &lt; {@code before} that pass the filter. */
    public List<Map<String, Object>> list(long before, int limit, Predicate<Map<String, Object>> filter) {
        List<Map<String, Object>> out = new ArrayList<>();
        long from = Math.min(before, size()) - 1;
        if (from < 0 || limit <= 0) {
            return out;
        }
        store.scanBackward(LogColumns.SUMMARIES, from, (index, bytes) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> summary = Json.mapper().convertValue(Json.parse(bytes), Map.class);
            summary.put("index", index);
            if (filter.test(summary)) {
                out.add(summary);
            }
            return out.size() < limit;
        });
        return out;
    }

    /**
     * Hands the summary (id, kind, operation, actor, recorded, apps) of every durable append to
     * {@code listener}, on the writer thread: it must not block (the event feed only queues).
     */
    public void onAppend(java.util.function.Consumer<Map<String, Object>> listener) {
        appendListeners.add(listener);
    }

    /**
     * Hands every newly signed checkpoint to {@code listener}, on the writer thread: it must not
     * block (consensus anchoring only queues the note).
     */
    public void onCheckpoint(java.util.function.Consumer<String> listener) {
        writer.onCheckpoint(listener);
    }

    public Optional<String> latestCheckpoint() {
        return Optional.ofNullable(writer.latestCheckpoint());
    }

    /** The newest checkpoint, signing a fresh one first if it would not cover {@code index}. */
    public String checkpointCovering(long index) {
        // Size first: the writer publishes the note before its size, so a size that covers the
        // index guarantees the note read after it is at least that new.
        if (writer.latestCheckpointSize() > index) {
            return writer.latestCheckpoint();
        }
        return writer.requestCheckpoint().join();
    }

    public List<byte[]> inclusionProof(long index, long treeSize) {
        return MerkleProofs.inclusion(index, treeSize, nodes);
    }

    public List<byte[]> consistencyProof(long size1, long size2) {
        return MerkleProofs.consistency(size1, size2, nodes);
    }

    public byte[] root(long treeSize) {
        return MerkleProofs.root(treeSize, nodes);
    }

    /** Stops the writer after it has written every waiting append and a final checkpoint. */
    @Override
    public void close() {
        writer.stop();
        try {
            writerThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

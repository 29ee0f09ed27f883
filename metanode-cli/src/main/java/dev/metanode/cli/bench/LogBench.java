package dev.metanode.cli.bench;

import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.kernel.Clock;
import dev.metanode.core.log.BundleVerifier;
import dev.metanode.core.log.Checkpoints;
import dev.metanode.core.log.LogColumns;
import dev.metanode.core.log.LogSettings;
import dev.metanode.core.log.NoteVerifierKey;
import dev.metanode.core.log.ProofBundle;
import dev.metanode.core.log.StoredReceiptLog;
import dev.metanode.core.receipt.LoggedReceipt;
import dev.metanode.core.receipt.ReceiptDraft;
import dev.metanode.core.receipt.ReceiptKind;
import dev.metanode.core.store.Codecs;
import dev.metanode.core.store.ColumnSpec;
import dev.metanode.core.store.RocksKvStore;
import dev.metanode.core.store.WriteBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Durable receipt appends (sign, hash, log, group-committed fsync) against the baseline of raw
 * RocksDB synced batched puts of the same size, on the same disk, in the same run.
 */
public final class LogBench {
    private static final ColumnSpec<Long, byte[]> RAW = new ColumnSpec<>("raw", Codecs.LONG, Codecs.BYTES);
    /** Outstanding appends per producer thread: enough for the writer to fill its batches. */
    private static final int WINDOW_PER_THREAD = 1_024;

    private final Path dir;
    private final long millis;
    private final int threads;

    public LogBench(Path dir, long millis, int threads) {
        this.dir = dir;
        this.millis = millis;
        this.threads = threads;
    }

    /** Raw RocksDB: synced WriteBatches of {@code batch} puts of {@code valueBytes} each; puts per second. */
    public double rawRocksPutsPerSecond(int batch, int valueBytes) throws Exception {
        Path db = Files.createTempDirectory(dir, "raw-");
        byte[] value = new byte[valueBytes];
        new SecureRandom().nextBytes(value);
        try (RocksKvStore store = RocksKvStore.open(db, List.of(RAW.name()))) {
            long key = 0;
            long end = System.nanoTime() + millis * 1_000_000;
            long begin = System.nanoTime();
            while (System.nanoTime() < end) {
                WriteBatch writes = new WriteBatch();
                for (int i = 0; i < batch; i++) {
                    writes.put(RAW, key++, value);
                }
                store.write(writes, true);
            }
            return key / ((System.nanoTime() - begin) / 1e9);
        }
    }

    /** Receipts per second that were acknowledged durable, with {@code threads} producers. */
    public double durableAppendsPerSecond(int[] envelopeBytesOut) throws Exception {
        Path db = Files.createTempDirectory(dir, "log-");
        SigningKey key = SigningKey.generate(new SecureRandom());
        try (RocksKvStore store = RocksKvStore.open(db, LogColumns.names());
                StoredReceiptLog log = StoredReceiptLog.open(store, key, "metanode/bench", Clock.SYSTEM,
                        LogSettings.DEFAULTS)) {
            AtomicLong done = new AtomicLong();
            long end = System.nanoTime() + millis * 1_000_000;
            long begin = System.nanoTime();
            List<Thread> producers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                producers.add(Thread.ofPlatform().start(() -> produce(log, id, end, done)));
            }
            for (Thread p : producers) {
                p.join();
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            envelopeBytesOut[0] = log.get(0).orElseThrow().envelope().length;
            return done.get() / seconds;
        }
    }

    private static void produce(StoredReceiptLog log, int thread, long end, AtomicLong done) {
        ArrayDeque<CompletableFuture<LoggedReceipt>> window = new ArrayDeque<>();
        long n = 0;
        while (System.nanoTime() < end) {
            window.add(log.append(ReceiptDraft.builder(ReceiptKind.STEP, "bench-" + thread, "bench.append")
                    .input("n", n++).input("argv", List.of("/bin/true")).result("exit", 0).resource("cpuMs", 1)
                    .build()));
            if (window.size() >= WINDOW_PER_THREAD) {
                window.poll().join();
                done.incrementAndGet();
            }
        }
        while (!window.isEmpty()) {
            window.poll().join();
            done.incrementAndGet();
        }
    }

    /** Median microseconds to verify one offline bundle in-process, over {@code count} bundles. */
    public double bundleVerifyMicros(int count) throws Exception {
        Path db = Files.createTempDirectory(dir, "verify-");
        SigningKey key = SigningKey.generate(new SecureRandom());
        List<byte[]> bundles = new ArrayList<>();
        try (RocksKvStore store = RocksKvStore.open(db, LogColumns.names());
                StoredReceiptLog log = StoredReceiptLog.open(store, key, "metanode/bench", Clock.SYSTEM,
                        LogSettings.DEFAULTS)) {
            List<CompletableFuture<LoggedReceipt>> futures = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                futures.add(log.append(ReceiptDraft.builder(ReceiptKind.ACTION, "bench", "bench.verify")
                        .input("i", i).build()));
            }
            List<LoggedReceipt> logged = futures.stream().map(CompletableFuture::join).toList();
            String note = log.checkpointCovering(logged.size() - 1);
            long size = Checkpoints.ofOwnNote(note).size();
            for (int i = 0; i < count; i++) {
                LoggedReceipt r = logged.get((i * 7919) % logged.size());
                bundles.add(ProofBundle.of(r, size, log.inclusionProof(r.index(), size), note).toJson()
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        BundleVerifier verifier = new BundleVerifier(List.of(NoteVerifierKey.of("metanode/bench", key.publicKey())));
        double[] micros = new double[count];
        for (int warm = 0; warm < 2; warm++) {
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                if (!verifier.verify(ProofBundle.parse(bundles.get(i))).passed()) {
                    throw new IllegalStateException("bundle " + i + " did not verify");
                }
                micros[i] = (System.nanoTime() - t0) / 1e3;
            }
        }
        return Stats.median(micros);
    }
}

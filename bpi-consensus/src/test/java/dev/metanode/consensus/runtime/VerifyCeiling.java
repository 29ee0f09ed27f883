package dev.metanode.consensus.runtime;

import dev.metanode.consensus.KvHandler;
import dev.metanode.consensus.chain.SignatureVerifier;
import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.ledger.Transaction;
import dev.metanode.core.testing.TestKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Ed25519 verify rate of this machine, measured beside the throughput figures in the same run:
 * every validator checks every transaction's signature once, so n validators sharing these cores
 * can commit at most (rate on all cores) / n signed transactions per second.
 */
final class VerifyCeiling {
    /** How long each measurement runs, after a warm-up of the same length. */
    private static final long MEASURE_MS = 1_000;

    private VerifyCeiling() {}

    /** Verifies per second on {@code threads} threads, each checking the same kind of transaction the bench submits. */
    static double verifiesPerSecond(int threads) throws InterruptedException {
        SigningKey key = TestKeys.key(77);
        Transaction tx = KvHandler.put(key, 0, "ceiling=v");
        byte[] message = tx.signingBytes();
        byte[] signature = tx.signature();
        run(threads, message, signature, tx, MEASURE_MS); // warm-up
        long start = System.nanoTime();
        long count = run(threads, message, signature, tx, MEASURE_MS);
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /** Signatures per second on {@code threads} threads, checked as batches of {@link SignatureChecks#CHUNK_TXS} from 16 senders. */
    static double batchVerifiesPerSecond(int threads) throws InterruptedException {
        List<SignatureVerifier.SignatureCheck> batch = new ArrayList<>();
        for (int i = 0; i < SignatureChecks.CHUNK_TXS; i++) {
            Transaction tx = KvHandler.put(TestKeys.key(100 + i % 16), i, "ceiling=" + i);
            batch.add(new SignatureVerifier.SignatureCheck(tx.sender(), tx.signingBytes(), tx.signature()));
        }
        runBatches(threads, batch, MEASURE_MS); // warm-up
        long start = System.nanoTime();
        long count = runBatches(threads, batch, MEASURE_MS);
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static long runBatches(int threads, List<SignatureVerifier.SignatureCheck> batch, long ms)
            throws InterruptedException {
        return onThreads(threads, ms, () -> {
            for (boolean ok : SignatureVerifier.DIRECT.verifyEach(batch)) {
                if (!ok) {
                    throw new AssertionError("signature must verify");
                }
            }
            return batch.size();
        });
    }

    private static long run(int threads, byte[] message, byte[] signature, Transaction tx, long ms)
            throws InterruptedException {
        return onThreads(threads, ms, () -> {
            if (!tx.sender().verify(message, signature)) {
                throw new AssertionError("signature must verify");
            }
            return 1;
        });
    }

    /** Signatures checked by {@code threads} threads each repeating {@code work} (which returns how many it checked) for {@code ms}. */
    private static long onThreads(int threads, long ms, java.util.function.IntSupplier work) throws InterruptedException {
        AtomicLong total = new AtomicLong();
        long end = System.nanoTime() + ms * 1_000_000;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                long n = 0;
                while (System.nanoTime() < end) {
                    n += work.getAsInt();
                }
                total.addAndGet(n);
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        return total.get();
    }

    /** One line for the bench output. */
    static String describe() throws InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        double one = verifiesPerSecond(1);
        double all = verifiesPerSecond(cores);
        double batched = batchVerifiesPerSecond(cores);
        return String.format("bench ed25519 verify ceiling: %.0f/s on 1 thread, %.0f/s on %d threads one at a time,"
                + " %.0f/s on %d threads in batches of %d (load %s)",
                one, all, cores, batched, cores, SignatureChecks.CHUNK_TXS, loadAverage());
    }

    static String loadAverage() {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format("%.2f", load);
    }
}

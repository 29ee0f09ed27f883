package dev.metanode.consensus.runtime;

import dev.metanode.consensus.KvHandler;
import dev.metanode.consensus.NodeSettings;
import dev.metanode.consensus.chain.CachingVerifier;
import dev.metanode.consensus.chain.Genesis;
import dev.metanode.consensus.chain.SignatureVerifier;
import dev.metanode.consensus.statemachine.RoundTimer;
import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.ledger.Transaction;
import dev.metanode.core.ledger.TxInclusion;
import dev.metanode.core.testing.TestKeys;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Signed transactions per second and commit latency through LedgerService, 1 and 4 validators in one
 * JVM (real clock, in-memory store). Run: {@code ./mvnw -B -q -Pbench -pl bpi-consensus -am test
 * -Dtest=LedgerThroughputBench -Dsurefire.failIfNoSpecifiedTests=false}; results are printed (see
 * target/surefire-reports/*LedgerThroughputBench-output.txt).
 */
@Tag("bench")
class LedgerThroughputBench {
    /** Transactions in the open-loop burst (all submitted at once from the client threads). */
    private static final int BURST_TXS = 4_000;
    /** Client threads. */
    private static final int CLIENTS = 4;
    /** Transactions per client in the closed loop (each waits for its commit before the next). */
    private static final int CLOSED_LOOP_TXS_PER_CLIENT = 250;
    /** Transactions each client keeps in flight in the sustained run. */
    private static final int SUSTAINED_WINDOW_PER_CLIENT = 128;
    /** Transactions of the sustained run, by validators: enough for several seconds at the expected rate. */
    private static final int SUSTAINED_TXS_ONE = 40_000;
    private static final int SUSTAINED_TXS_FOUR = 12_000;

    @Test
    void oneValidator() throws Exception {
        run(1);
    }

    @Test
    void fourValidators() throws Exception {
        run(4);
    }

    /**
     * The same runs twice, on fresh chains: first with transaction signatures checked one at a time
     * (the baseline), then in batches as nodes do, so the gain of batching is measured in one run.
     */
    private void run(int validators) throws Exception {
        System.out.println(VerifyCeiling.describe());
        for (boolean batched : new boolean[] {false, true}) {
            System.out.println("bench signatures checked " + (batched ? "in batches" : "one at a time") + ":");
            try (Services s = new Services(validators, batched ? NodeSettings::of : LedgerThroughputBench::oneAtATime)) {
                s.get(0).submit(KvHandler.put(TestKeys.key(49), 0, "warm=up")).get(30, TimeUnit.SECONDS);
                burst(s, validators);
                closedLoop(s, validators);
                sustained(s, validators, validators == 1 ? SUSTAINED_TXS_ONE : SUSTAINED_TXS_FOUR);
            }
        }
    }

    private static NodeSettings oneAtATime(Genesis genesis) {
        SignatureVerifier single = new SignatureVerifier() {
            @Override
            public boolean verify(PublicKey key, byte[] message, byte[] signature) {
                return SignatureVerifier.DIRECT.verify(key, message, signature);
            }

            @Override
            public Optional<byte[]> vrfVerify(byte[] vrfKey, byte[] alpha, byte[] proof) {
                return SignatureVerifier.DIRECT.vrfVerify(vrfKey, alpha, proof);
            }
        };
        return new NodeSettings(genesis, RoundTimer.DEFAULT, new CachingVerifier(single));
    }

    /** Throughput: every client submits its share at once; the clock stops when the last commits. */
    private void burst(Services s, int validators) throws Exception {
        List<List<Transaction>> perClient = sign(BURST_TXS / CLIENTS, 100);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<TxInclusion>> futures = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            List<Transaction> txs = perClient.get(c);
            int client = c;
            threads.add(Thread.ofPlatform().start(() -> {
                await(go);
                for (int i = 0; i < txs.size(); i++) {
                    long start = System.nanoTime();
                    CompletableFuture<TxInclusion> f = s.get((client + i) % validators).submit(txs.get(i));
                    f.thenRun(() -> latencies.add(System.nanoTime() - start));
                    futures.add(f);
                }
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(300, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(100); // let the last latency callbacks land
        System.out.printf("bench validators=%d burst txs=%d: %.0f tx/s, latency p50=%d ms p99=%d ms, height=%d, load %s%n",
                validators, BURST_TXS, BURST_TXS / seconds, Latency.percentileMs(latencies, 50),
                Latency.percentileMs(latencies, 99), s.get(0).height(), VerifyCeiling.loadAverage());
    }

    /** Latency: each client waits for its commit before submitting the next. */
    private void closedLoop(Services s, int validators) throws Exception {
        List<List<Transaction>> perClient = sign(CLOSED_LOOP_TXS_PER_CLIENT, 110);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            List<Transaction> txs = perClient.get(c);
            int client = c;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < txs.size(); i++) {
                    long t0 = System.nanoTime();
                    try {
                        s.get((client + i) % validators).submit(txs.get(i)).get(60, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                    latencies.add(System.nanoTime() - t0);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("bench validators=%d closed-loop clients=%d txs=%d: %.0f tx/s, latency p50=%d ms p99=%d ms, load %s%n",
                validators, CLIENTS, latencies.size(), latencies.size() / seconds, Latency.percentileMs(latencies, 50),
                Latency.percentileMs(latencies, 99), VerifyCeiling.loadAverage());
    }

    /**
     * Sustained load: every client keeps {@link #SUSTAINED_WINDOW_PER_CLIENT} transactions in flight
     * (submits the next as soon as one commits) until its share is done; throughput over the whole
     * run, latency of every transaction from submit to commit.
     */
    private void sustained(Services s, int validators, int total) throws Exception {
        List<List<Transaction>> perClient = sign(total / CLIENTS, 120);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            List<Transaction> txs = perClient.get(c);
            int client = c;
            threads.add(Thread.ofPlatform().start(() -> {
                java.util.concurrent.Semaphore window = new java.util.concurrent.Semaphore(SUSTAINED_WINDOW_PER_CLIENT);
                for (int i = 0; i < txs.size(); i++) {
                    window.acquireUninterruptibly();
                    long t0 = System.nanoTime();
                    s.get((client + i) % validators).submit(txs.get(i)).whenComplete((inclusion, error) -> {
                        if (error != null) {
                            failures.incrementAndGet();
                        } else {
                            latencies.add(System.nanoTime() - t0);
                        }
                        window.release();
                    });
                }
                window.acquireUninterruptibly(SUSTAINED_WINDOW_PER_CLIENT);
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("bench validators=%d sustained txs=%d in-flight=%d: %.0f tx/s over %.1f s, latency p50=%d ms p99=%d ms, "
                + "height=%d, load %s%n", validators, latencies.size(), CLIENTS * SUSTAINED_WINDOW_PER_CLIENT,
                latencies.size() / seconds, seconds, Latency.percentileMs(latencies, 50), Latency.percentileMs(latencies, 99),
                s.get(0).height(), VerifyCeiling.loadAverage());
        if (failures.get() > 0) {
            throw new AssertionError(failures.get() + " sustained submissions failed");
        }
    }

    private static List<List<Transaction>> sign(int perClient, int keySeed) {
        // Signed before the clock starts, one client per thread.
        return java.util.stream.IntStream.range(0, CLIENTS).parallel().mapToObj(c -> {
            SigningKey sender = TestKeys.key(keySeed + c);
            List<Transaction> txs = new ArrayList<>();
            for (int i = 0; i < perClient; i++) {
                txs.add(KvHandler.put(sender, i, "b" + keySeed + "-" + c + "-" + i + "=v"));
            }
            return txs;
        }).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

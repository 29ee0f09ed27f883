package dev.metanode.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.cli.client.ApiClient;
import dev.metanode.cli.client.TxBatch;
import dev.metanode.consensus.notary.NotaryModule;
import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.ledger.Transaction;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Load on running nodes: clients POST batches of signed {@code notary/attest} transactions to the
 * nodes in turn, each request answered once all of its batch is final; either closed-loop (a client
 * sends when its last batch is final) or open-loop at a fixed rate. Transactions are signed
 * before the clock starts, so the nodes, not the load generator, are what is measured (they still
 * share the machine's cores with it).
 */
public final class ChainLoad {
    /** What a run measured. */
    public record Result(long applied, long refused, double seconds, double[] perSecond, double[] batchLatencyMs) {
        public double txPerSecond() {
            return applied / seconds;
        }
    }

    private static final String TXS_PATH = "/api/v1/chain/txs";

    private final List<ApiClient> nodes;
    private final int clients;
    private final int batch;

    public ChainLoad(List<ApiClient> nodes, int clients, int batch) {
        this.nodes = List.copyOf(nodes);
        this.clients = clients;
        this.batch = batch;
    }

    /** Signs {@code count} transactions (rounded up to whole batches) into request bodies, on all cores. */
    public ConcurrentLinkedQueue<byte[]> prepare(int count) throws InterruptedException {
        int batches = (count + batch - 1) / batch;
        ConcurrentLinkedQueue<byte[]> bodies = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        int threads = Runtime.getRuntime().availableProcessors();
        List<Thread> signers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            signers.add(Thread.ofPlatform().start(() -> {
                SecureRandom random = new SecureRandom();
                SigningKey key = SigningKey.generate(random);
                byte[] digest = new byte[32];
                for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                    List<Transaction> txs = new ArrayList<>(batch);
                    for (int i = 0; i < batch; i++) {
                        random.nextBytes(digest);
                        txs.add(NotaryModule.attest(key, digest, (long) b * batch + i));
                    }
                    bodies.add(TxBatch.encode(txs));
                }
            }));
        }
        for (Thread t : signers) {
            t.join();
        }
        return bodies;
    }

    /**
     * Closed loop: each client sends its next batch when the last one is final, for {@code seconds}
     * (or until the prepared bodies run out). Latency is request sent to response.
     */
    public Result run(ConcurrentLinkedQueue<byte[]> bodies, int seconds) throws InterruptedException {
        Tally tally = new Tally(seconds);
        long end = tally.start + seconds * 1_000_000_000L;
        runClients(clients, c -> {
            ApiClient node = nodes.get(c % nodes.size());
            for (byte[] body = bodies.poll(); body != null && System.nanoTime() < end; body = bodies.poll()) {
                tally.count(System.nanoTime(), node.post(TXS_PATH, body));
            }
        });
        return tally.result(seconds);
    }

    /**
     * Open loop: batches are due at a fixed rate of {@code txPerSecond} whatever the nodes do, and
     * up to {@code clients} requests are in flight. Latency runs from when a batch was due, not from
     * when a client got round to sending it, so a slow node cannot hide its queue (no coordinated
     * omission): what a user sending at that rate would see.
     */
    public Result runAtRate(ConcurrentLinkedQueue<byte[]> bodies, int seconds, double txPerSecond)
            throws InterruptedException {
        Tally tally = new Tally(seconds);
        long intervalNanos = (long) (batch * 1e9 / txPerSecond);
        long due = seconds * 1_000_000_000L / intervalNanos;
        AtomicLong next = new AtomicLong();
        runClients(clients, c -> {
            for (long i = next.getAndIncrement(); i < due; i = next.getAndIncrement()) {
                long dueAt = tally.start + i * intervalNanos;
                for (long wait = dueAt - System.nanoTime(); wait > 0; wait = dueAt - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                byte[] body = bodies.poll();
                if (body == null) {
                    return;
                }
                tally.count(dueAt, nodes.get((int) (i % nodes.size())).post(TXS_PATH, body));
            }
        });
        return tally.result(seconds);
    }

    private interface Client {
        void run(int index);
    }

    private static void runClients(int count, Client client) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(count);
        for (int c = 0; c < count; c++) {
            int index = c;
            Thread.ofPlatform().name("load-" + c).start(() -> {
                try {
                    client.run(index);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
    }

    /** What the clients of one run counted: outcomes, commits per second, latencies. */
    private static final class Tally {
        final long start = System.nanoTime();
        final AtomicLong applied = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final AtomicLongArray perSecond;
        final ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();

        Tally(int seconds) {
            perSecond = new AtomicLongArray(seconds + 1);
        }

        void count(long sentNanos, JsonNode answer) {
            long now = System.nanoTime();
            latencies.add((now - sentNanos) / 1e6);
            long ok = 0;
            for (JsonNode r : answer.path("results")) {
                ok += r.path("status").asText().equals("applied") ? 1 : 0;
            }
            applied.addAndGet(ok);
            refused.addAndGet(answer.path("results").size() - ok);
            int second = (int) ((now - start) / 1_000_000_000L);
            if (second < perSecond.length()) {
                perSecond.addAndGet(second, ok);
            }
        }

        Result result(int seconds) {
            double elapsed = (System.nanoTime() - start) / 1e9;
            int whole = (int) Math.min(seconds, Math.floor(elapsed));
            double[] rates = new double[Math.max(1, whole)];
            for (int i = 0; i < rates.length; i++) {
                rates[i] = perSecond.get(i);
            }
            return new Result(applied.get(), refused.get(), elapsed, rates,
                    latencies.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    /** Ed25519 verifications per second on one thread, the way the ledger checks transactions. */
    public static double ed25519VerifiesPerSecond(int millis) {
        SigningKey key = SigningKey.generate(new SecureRandom());
        PublicKey publicKey = key.publicKey();
        Transaction tx = NotaryModule.attest(key, new byte[32], 1);
        byte[] message = tx.signingBytes();
        byte[] signature = key.sign(message);
        for (int i = 0; i < 2_000; i++) {
            publicKey.verify(message, signature); // warm-up
        }
        long count = 0;
        long start = System.nanoTime();
        long end = start + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 100; i++) {
                publicKey.verify(message, signature);
            }
            count += 100;
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}

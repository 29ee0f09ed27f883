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

/**
 * Load on running nodes: closed-loop clients each POST batches of signed {@code notary/attest}
 * transactions to the nodes in turn and wait until all of a batch is final. Transactions are signed
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

    /** Runs the clients for {@code seconds} (or until the prepared bodies run out). */
    public Result run(ConcurrentLinkedQueue<byte[]> bodies, int seconds) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        AtomicLong applied = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLongArray perSecond = new AtomicLongArray(seconds + 1);
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            ApiClient node = nodes.get(c % nodes.size());
            Thread.ofPlatform().name("load-" + c).start(() -> {
                try {
                    for (byte[] body = bodies.poll(); body != null && System.nanoTime() < end; body = bodies.poll()) {
                        long sent = System.nanoTime();
                        JsonNode answer = node.post("/api/v1/chain/txs", body);
                        long now = System.nanoTime();
                        latencies.add((now - sent) / 1e6);
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
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        int whole = (int) Math.min(seconds, Math.floor(elapsed));
        double[] rates = new double[Math.max(1, whole)];
        for (int i = 0; i < rates.length; i++) {
            rates[i] = perSecond.get(i);
        }
        return new Result(applied.get(), refused.get(), elapsed, rates,
                latencies.stream().mapToDouble(Double::doubleValue).toArray());
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

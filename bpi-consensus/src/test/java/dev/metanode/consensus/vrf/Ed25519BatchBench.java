package dev.metanode.consensus.vrf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Signatures checked per second on one thread: Bouncy Castle one at a time (the baseline) beside
 * this package's single check and batches of 16, 64 and 256, in the same run; medians of 5 runs of
 * one second each; and the bytes a thread allocates per signature checked. Run:
 * {@code ./mvnw -B -q -Pbench -pl bpi-consensus -am test -Dtest=Ed25519BatchBench
 * -Dsurefire.failIfNoSpecifiedTests=false} (output in target/surefire-reports/*Ed25519BatchBench-output.txt).
 */
@Tag("bench")
class Ed25519BatchBench {
    private static final int RUNS = 5;
    private static final long RUN_NANOS = 1_000_000_000L;

    @Test
    void batchesAgainstSingleChecks() {
        List<Ed25519Batch.Check> checks = Ed25519BatchTest.honest(256, 100, 1);
        rate(() -> single(checks)); // warm-up
        for (int size : new int[] {16, 64, 256}) {
            rate(() -> batches(checks, size));
        }
        rate(() -> ours(checks));
        double bc = rate(() -> single(checks));
        StringBuilder out = new StringBuilder("| check | signatures/s (1 thread) | vs Bouncy Castle single | bytes allocated per signature |\n|---|---|---|---|\n");
        out.append(String.format("| Bouncy Castle 1.86, one at a time | %.0f | 100%% | %.0f |%n", bc, allocated(() -> single(checks))));
        double one = rate(() -> ours(checks));
        out.append(String.format("| Ed25519Batch.verify, one at a time | %.0f | %.0f%% | %.0f |%n", one, 100 * one / bc, allocated(() -> ours(checks))));
        for (int size : new int[] {16, 64, 256}) {
            double r = rate(() -> batches(checks, size));
            out.append(String.format("| batch of %d | %.0f | %.0f%% | %.0f |%n", size, r, 100 * r / bc, allocated(() -> batches(checks, size))));
        }
        System.out.print(out);
        System.out.printf("load %.2f%n", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static int single(List<Ed25519Batch.Check> checks) {
        for (Ed25519Batch.Check c : checks) {
            if (!Ed25519.verify(c.signature(), 0, c.publicKey(), 0, c.message(), 0, c.message().length)) {
                throw new AssertionError("must verify");
            }
        }
        return checks.size();
    }

    private static int ours(List<Ed25519Batch.Check> checks) {
        for (Ed25519Batch.Check c : checks) {
            if (!Ed25519Batch.verify(c.publicKey(), c.message(), c.signature())) {
                throw new AssertionError("must verify");
            }
        }
        return checks.size();
    }

    /** Bytes this thread allocates per signature over a few rounds of {@code work} (which returns the signatures it checked). */
    private static double allocated(java.util.function.IntSupplier work) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();
        long before = threads.getThreadAllocatedBytes(id);
        long n = 0;
        for (int i = 0; i < 20; i++) {
            n += work.getAsInt();
        }
        return (threads.getThreadAllocatedBytes(id) - before) / (double) n;
    }

    private static int batches(List<Ed25519Batch.Check> checks, int size) {
        for (int from = 0; from < checks.size(); from += size) {
            boolean[] answers = Ed25519Batch.verifyEach(checks.subList(from, from + size));
            for (boolean a : answers) {
                if (!a) {
                    throw new AssertionError("must verify");
                }
            }
        }
        return checks.size();
    }

    /** Median signatures per second over {@link #RUNS} runs. */
    private static double rate(java.util.function.IntSupplier work) {
        double[] rates = new double[RUNS];
        for (int r = 0; r < RUNS; r++) {
            long start = System.nanoTime();
            long n = 0;
            while (System.nanoTime() - start < RUN_NANOS) {
                n += work.getAsInt();
            }
            rates[r] = n / ((System.nanoTime() - start) / 1e9);
        }
        Arrays.sort(rates);
        return rates[RUNS / 2];
    }
}

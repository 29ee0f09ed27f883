package dev.metanode.httpcage.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.metanode.core.log.StoredReceiptLog;
import dev.metanode.core.store.RocksKvStore;
import dev.metanode.core.testing.TestKeys;
import dev.metanode.httpcage.HttpCage;
import dev.metanode.httpcage.HttpCageBuilder;
import dev.metanode.httpcage.HttpCageConfig;
import dev.metanode.httpcage.ratelimit.RateLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cage against a direct backend and against nginx proxying the same backend, in one run.
 * Needs wrk and nginx (http-cage/src/test/setup.sh). Run:
 * {@code mvn -Pbench -pl http-cage -am test -Dtest=HttpCageBench -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints a Markdown table; docs/bench-http.md records the numbers.
 */
@Tag("bench")
class HttpCageBench {
    static final int RATE_PER_SECOND = 1000;
    static final int LATENCY_CONNECTIONS = 4;
    static final int LATENCY_SECONDS = 10;
    static final int THROUGHPUT_SECONDS = 10;
    static final int WARMUP_SECONDS = 5;
    static final int THROUGHPUT_ROUNDS = 3;
    static final int IO_THREADS = 2;
    static final String HOST = "bench.localhost";
    static final RateLimits UNLIMITED = new RateLimits(1e9, 1e9, 1e9, 1);

    @TempDir
    Path dir;

    @Test
    void addedLatencyAndThroughput() throws Exception {
        assumeTrue(onPath("wrk") && onPath("nginx"), "wrk and nginx needed: run http-cage/src/test/setup.sh");
        Files.createDirectories(dir.resolve("nginx"));
        // Each configuration in a JVM of its own, as a daemon runs its one cage: in one JVM, the
        // four would share code compiled for a mix of them.
        try (Nginx nginx = new Nginx(dir.resolve("nginx"), IO_THREADS);
             RemoteCage notarised = new RemoteCage(nginx.backendPort, true, true, dir.resolve("notarised"));
             RemoteCage plain = new RemoteCage(nginx.backendPort, false, false, dir.resolve("plain"));
             RemoteCage notaryOnly = new RemoteCage(nginx.backendPort, true, false, dir.resolve("notary-only"));
             RemoteCage signOnly = new RemoteCage(nginx.backendPort, false, true, dir.resolve("sign-only"))) {
            List<RemoteCage> all = List.of(notarised, plain, notaryOnly, signOnly);
            report(nginx, notarised, plain, notaryOnly, all);
            latencyHeader();
            PacedLoad.Percentiles direct = PacedLoad.run(nginx.backendPort, HOST, RATE_PER_SECOND,
                    LATENCY_CONNECTIONS, LATENCY_SECONDS);
            row("direct to backend (again)", direct, direct);
            row("cage, notarised, unsigned", PacedLoad.run(notaryOnly.port(), HOST, RATE_PER_SECOND,
                    LATENCY_CONNECTIONS, LATENCY_SECONDS), direct);
            row("cage, no notary, signed", PacedLoad.run(signOnly.port(), HOST, RATE_PER_SECOND,
                    LATENCY_CONNECTIONS, LATENCY_SECONDS), direct);
            // Once more at the end, warm: tells a cold start apart from a steady cost.
            row("cage, notarised + signed (again)", PacedLoad.run(notarised.port(), HOST, RATE_PER_SECOND,
                    LATENCY_CONNECTIONS, LATENCY_SECONDS), direct);
        }
    }

    private static void report(Nginx nginx, RemoteCage notarised, RemoteCage plain, RemoteCage notaryOnly,
            List<RemoteCage> all) throws Exception {
        // Warm-up: each JVM compiles its hot paths under full load first, as a running daemon has.
        for (RemoteCage cage : all) {
            Wrk.run(cage.port(), HOST, WARMUP_SECONDS);
            PacedLoad.run(cage.port(), HOST, RATE_PER_SECOND, LATENCY_CONNECTIONS, 2);
        }
        settle(all);
        PacedLoad.run(nginx.backendPort, HOST, RATE_PER_SECOND, LATENCY_CONNECTIONS, 2);
        PacedLoad.Percentiles direct = PacedLoad.run(nginx.backendPort, HOST, RATE_PER_SECOND, LATENCY_CONNECTIONS,
                LATENCY_SECONDS);
        PacedLoad.Percentiles viaNginx = PacedLoad.run(nginx.proxyPort, HOST, RATE_PER_SECOND, LATENCY_CONNECTIONS,
                LATENCY_SECONDS);
        PacedLoad.Percentiles viaCage = PacedLoad.run(notarised.port(), HOST, RATE_PER_SECOND, LATENCY_CONNECTIONS,
                LATENCY_SECONDS);
        PacedLoad.Percentiles viaPlain = PacedLoad.run(plain.port(), HOST, RATE_PER_SECOND, LATENCY_CONNECTIONS,
                LATENCY_SECONDS);
        latencyHeader();
        row("direct to backend", direct, direct);
        row("nginx proxy", viaNginx, direct);
        row("cage, notarised + signed", viaCage, direct);
        row("cage, no notary, unsigned", viaPlain, direct);
        // Throughput, round after round, every target once per round: medians over the rounds, so
        // that a slow second of the machine does not decide a ratio.
        List<Wrk.Result> direct2 = new java.util.ArrayList<>();
        List<Wrk.Result> nginx2 = new java.util.ArrayList<>();
        List<Wrk.Result> signed2 = new java.util.ArrayList<>();
        List<Wrk.Result> notary2 = new java.util.ArrayList<>();
        List<Wrk.Result> plain2 = new java.util.ArrayList<>();
        long receipts = 0;
        long exchanges = 0;
        long drainMs = 0;
        for (int round = 0; round < THROUGHPUT_ROUNDS; round++) {
            drainMs = Math.max(drainMs, settle(all));
            direct2.add(Wrk.run(nginx.backendPort, HOST, THROUGHPUT_SECONDS));
            nginx2.add(Wrk.run(nginx.proxyPort, HOST, THROUGHPUT_SECONDS));
            long before = notarised.logSize();
            Wrk.Result signedRun = Wrk.run(notarised.port(), HOST, THROUGHPUT_SECONDS);
            signed2.add(signedRun);
            receipts += notarised.logSize() - before;
            exchanges += Math.round(signedRun.requestsPerSecond() * THROUGHPUT_SECONDS);
            drainMs = Math.max(drainMs, settle(all));
            notary2.add(Wrk.run(notaryOnly.port(), HOST, THROUGHPUT_SECONDS));
            drainMs = Math.max(drainMs, settle(all));
            plain2.add(Wrk.run(plain.port(), HOST, THROUGHPUT_SECONDS));
        }
        Wrk.Result wNginx = median(nginx2);
        System.out.println();
        System.out.println("| target | req/s, median of " + THROUGHPUT_ROUNDS + " | vs nginx | each round (req/s) | non-2xx |");
        System.out.println("|---|---|---|---|---|");
        tput("direct to backend", direct2, wNginx);
        tput("nginx proxy", nginx2, wNginx);
        tput("cage, notarised + signed", signed2, wNginx);
        tput("cage, notarised, unsigned", notary2, wNginx);
        tput("cage, no notary, unsigned", plain2, wNginx);
        System.out.println();
        System.out.println("receipts appended during the notarised wrk runs: " + receipts + " for "
                + exchanges + " exchanges; the log went on growing for "
                + drainMs + " ms after a notarised run at most (work the run deferred, outside its window)");
        System.out.println("transport: " + notarised.transport() + "; one JVM per cage configuration; load "
                + String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        System.out.println("command: " + Wrk.command(notarised.port(), HOST, THROUGHPUT_SECONDS));
        System.out.println(notarised.scrape().lines().filter(l -> l.startsWith("metanode_http_notary"))
                .reduce("", (a, b) -> a + b + "\n"));
        System.out.println(notarised.scrape().lines().filter(l -> l.startsWith("metanode_http_requests"))
                .reduce("", (a, b) -> a + b + "\n"));
        System.out.println(plain.scrape().lines().filter(l -> l.startsWith("metanode_http_denials")
                || l.startsWith("metanode_http_requests")).reduce("", (a, b) -> a + b + "\n"));
    }

    /**
     * Waits until every cage's receipt log stops growing (a notarised run's last batches are
     * written), then has each collect garbage, so one run's leftovers do not slow the next.
     * Returns how long the logs went on growing.
     */
    private static long settle(List<RemoteCage> cages) throws Exception {
        long start = System.nanoTime();
        long grewUntil = start;
        long size = total(cages);
        for (int i = 0; i < 40; i++) {
            Thread.sleep(250);
            long now = total(cages);
            if (now == size) {
                break;
            }
            size = now;
            grewUntil = System.nanoTime();
        }
        for (RemoteCage cage : cages) {
            cage.gc();
        }
        Thread.sleep(500);
        return (grewUntil - start) / 1_000_000;
    }

    private static long total(List<RemoteCage> cages) throws java.io.IOException {
        long sum = 0;
        for (RemoteCage cage : cages) {
            sum += cage.logSize();
        }
        return sum;
    }

    static HttpCage cage(int backendPort, StoredReceiptLog log, RocksKvStore store, boolean notarise,
            boolean sign) throws Exception {
        HttpCageConfig config = new HttpCageConfig(java.net.InetAddress.getLoopbackAddress(), 0, null,
                OptionalInt.empty(), dev.metanode.httpcage.CageLimits.DEFAULTS, notarise, sign, IO_THREADS);
        HttpCage cage = new HttpCageBuilder(config).apps(app -> Optional.of(backendPort)).receiptLog(log).store(store)
                .signingKey(TestKeys.key(2)).rateLimits(UNLIMITED).build();
        cage.start();
        return cage;
    }

    private static void latencyHeader() {
        System.out.println("| path at " + RATE_PER_SECOND + " req/s | p50 µs | p99 µs | added p50 µs | added p99 µs |");
        System.out.println("|---|---|---|---|---|");
    }

    private static void row(String name, PacedLoad.Percentiles p, PacedLoad.Percentiles base) {
        System.out.printf("| %s | %.0f | %.0f | %.0f | %.0f |%n", name, p.p50Micros(), p.p99Micros(),
                p.p50Micros() - base.p50Micros(), p.p99Micros() - base.p99Micros());
    }

    private static void tput(String name, List<Wrk.Result> runs, Wrk.Result nginx) {
        Wrk.Result r = median(runs);
        String each = runs.stream().map(x -> String.format("%.0f", x.requestsPerSecond()))
                .reduce((a, b) -> a + ", " + b).orElse("");
        System.out.printf("| %s | %.0f | %.0f%% | %s | %d |%n", name, r.requestsPerSecond(),
                100 * r.requestsPerSecond() / nginx.requestsPerSecond(), each,
                runs.stream().mapToLong(Wrk.Result::non2xx).sum());
    }

    private static Wrk.Result median(List<Wrk.Result> runs) {
        List<Wrk.Result> sorted = new java.util.ArrayList<>(runs);
        sorted.sort(java.util.Comparator.comparingDouble(Wrk.Result::requestsPerSecond));
        return sorted.get(sorted.size() / 2);
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv("PATH").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", tool));
    }
}

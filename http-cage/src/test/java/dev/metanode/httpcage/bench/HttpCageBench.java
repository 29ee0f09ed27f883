package dev.metanode.httpcage.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.metanode.core.kernel.Clock;
import dev.metanode.core.log.LogColumns;
import dev.metanode.core.log.LogSettings;
import dev.metanode.core.log.StoredReceiptLog;
import dev.metanode.core.store.RocksKvStore;
import dev.metanode.core.testing.TestKeys;
import dev.metanode.httpcage.HttpCage;
import dev.metanode.httpcage.HttpCageBuilder;
import dev.metanode.httpcage.HttpCageConfig;
import dev.metanode.httpcage.ratelimit.RateLimits;
import java.nio.file.Files;
import java.nio.file.Path;
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
    static final int IO_THREADS = 2;
    static final String HOST = "bench.localhost";
    static final RateLimits UNLIMITED = new RateLimits(1e9, 1e9, 1e9, 1);

    @TempDir
    Path dir;

    @Test
    void addedLatencyAndThroughput() throws Exception {
        assumeTrue(onPath("wrk") && onPath("nginx"), "wrk and nginx needed: run http-cage/src/test/setup.sh");
        Files.createDirectories(dir.resolve("nginx"));
        try (Nginx nginx = new Nginx(dir.resolve("nginx"), IO_THREADS);
             RocksKvStore store = RocksKvStore.open(dir.resolve("db"), java.util.stream.Stream.concat(
                     LogColumns.names().stream(), HttpCage.COLUMNS.stream()).toList());
             StoredReceiptLog log = StoredReceiptLog.open(store, TestKeys.key(1), "metanode/bench", Clock.SYSTEM,
                     LogSettings.DEFAULTS)) {
            HttpCage notarised = cage(nginx.backendPort, log, store, true, true);
            HttpCage plain = cage(nginx.backendPort, null, store, false, false);
            HttpCage notaryOnly = cage(nginx.backendPort, log, store, true, false);
            HttpCage signOnly = cage(nginx.backendPort, null, store, false, true);
            try {
                report(nginx, notarised, plain, notaryOnly, log);
                System.out.println("| path at " + RATE_PER_SECOND + " req/s | p50 µs | p99 µs | added p50 µs | added p99 µs |");
                System.out.println("|---|---|---|---|---|");
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
            } finally {
                notarised.stop();
                plain.stop();
                notaryOnly.stop();
                signOnly.stop();
            }
        }
    }

    private static void report(Nginx nginx, HttpCage notarised, HttpCage plain, HttpCage notaryOnly,
            StoredReceiptLog log) throws Exception {
        PacedLoad.run(notarised.port(), HOST, RATE_PER_SECOND, LATENCY_CONNECTIONS, 2); // warm-up
        PacedLoad.run(plain.port(), HOST, RATE_PER_SECOND, LATENCY_CONNECTIONS, 2);
        PacedLoad.run(nginx.backendPort, HOST, RATE_PER_SECOND, LATENCY_CONNECTIONS, 2);
        PacedLoad.Percentiles direct = PacedLoad.run(nginx.backendPort, HOST, RATE_PER_SECOND, LATENCY_CONNECTIONS,
                LATENCY_SECONDS);
        PacedLoad.Percentiles viaNginx = PacedLoad.run(nginx.proxyPort, HOST, RATE_PER_SECOND, LATENCY_CONNECTIONS,
                LATENCY_SECONDS);
        PacedLoad.Percentiles viaCage = PacedLoad.run(notarised.port(), HOST, RATE_PER_SECOND, LATENCY_CONNECTIONS,
                LATENCY_SECONDS);
        PacedLoad.Percentiles viaPlain = PacedLoad.run(plain.port(), HOST, RATE_PER_SECOND, LATENCY_CONNECTIONS,
                LATENCY_SECONDS);
        System.out.println("| path at " + RATE_PER_SECOND + " req/s | p50 µs | p99 µs | added p50 µs | added p99 µs |");
        System.out.println("|---|---|---|---|---|");
        row("direct to backend", direct, direct);
        row("nginx proxy", viaNginx, direct);
        row("cage, notarised + signed", viaCage, direct);
        row("cage, no notary, unsigned", viaPlain, direct);
        long before = log.size();
        Wrk.Result wDirect = Wrk.run(nginx.backendPort, HOST, THROUGHPUT_SECONDS);
        Wrk.Result wNginx = Wrk.run(nginx.proxyPort, HOST, THROUGHPUT_SECONDS);
        Wrk.Result wCage = Wrk.run(notarised.port(), HOST, THROUGHPUT_SECONDS);
        long receipts = log.size() - before;
        Wrk.Result wNotaryOnly = Wrk.run(notaryOnly.port(), HOST, THROUGHPUT_SECONDS);
        Wrk.Result wPlain = Wrk.run(plain.port(), HOST, THROUGHPUT_SECONDS);
        System.out.println();
        System.out.println("| target | req/s | vs nginx | non-2xx |");
        System.out.println("|---|---|---|---|");
        tput("direct to backend", wDirect, wNginx);
        tput("nginx proxy", wNginx, wNginx);
        tput("cage, notarised + signed", wCage, wNginx);
        tput("cage, notarised, unsigned", wNotaryOnly, wNginx);
        tput("cage, no notary, unsigned", wPlain, wNginx);
        System.out.println();
        System.out.println("receipts appended during the notarised wrk run: " + receipts + " for "
                + Math.round(wCage.requestsPerSecond() * THROUGHPUT_SECONDS) + " exchanges");
        System.out.println("transport: " + notarised.transport() + ", JVM: " + java.lang.management.ManagementFactory
                .getRuntimeMXBean().getInputArguments() + ", GC: " + java.lang.management.ManagementFactory
                .getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList());
        System.out.println("command: " + Wrk.command(notarised.port(), HOST, THROUGHPUT_SECONDS));
        System.out.println(notarised.metrics().scrape().lines().filter(l -> l.startsWith("metanode_http_notary"))
                .reduce("", (a, b) -> a + b + "\n"));
        System.out.println(notarised.metrics().scrape().lines().filter(l -> l.startsWith("metanode_http_requests"))
                .reduce("", (a, b) -> a + b + "\n"));
        System.out.println(plain.metrics().scrape().lines().filter(l -> l.startsWith("metanode_http_denials")
                || l.startsWith("metanode_http_requests")).reduce("", (a, b) -> a + b + "\n"));
    }

    private static HttpCage cage(int backendPort, StoredReceiptLog log, RocksKvStore store, boolean notarise,
            boolean sign) throws Exception {
        HttpCageConfig config = new HttpCageConfig(java.net.InetAddress.getLoopbackAddress(), 0, null,
                OptionalInt.empty(), dev.metanode.httpcage.CageLimits.DEFAULTS, notarise, sign, IO_THREADS);
        HttpCage cage = new HttpCageBuilder(config).apps(app -> Optional.of(backendPort)).receiptLog(log).store(store)
                .signingKey(TestKeys.key(2)).rateLimits(UNLIMITED).build();
        cage.start();
        return cage;
    }

    private static void row(String name, PacedLoad.Percentiles p, PacedLoad.Percentiles base) {
        System.out.printf("| %s | %.0f | %.0f | %.0f | %.0f |%n", name, p.p50Micros(), p.p99Micros(),
                p.p50Micros() - base.p50Micros(), p.p99Micros() - base.p99Micros());
    }

    private static void tput(String name, Wrk.Result r, Wrk.Result nginx) {
        System.out.printf("| %s | %.0f | %.0f%% | %d |%n", name, r.requestsPerSecond(),
                100 * r.requestsPerSecond() / nginx.requestsPerSecond(), r.non2xx());
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

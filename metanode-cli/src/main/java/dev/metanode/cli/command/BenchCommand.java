package dev.metanode.cli.command;

import dev.metanode.cli.UserException;
import dev.metanode.cli.bench.ChainLoad;
import dev.metanode.cli.bench.LogBench;
import dev.metanode.cli.bench.Stats;
import dev.metanode.cli.client.ApiClient;
import dev.metanode.cli.home.NodeHome;
import dev.metanode.cli.options.HomeOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Measures this machine: durable receipt appends beside raw RocksDB, and offline verification. */
@Command(name = "bench", description = "Benchmarks of this machine (see docs/BENCHMARKS.md).",
        subcommands = {BenchCommand.Log.class, BenchCommand.Chain.class})
public final class BenchCommand {
    /** metanode bench log. */
    @Command(name = "log", description = "Durable receipt appends vs raw RocksDB synced batched puts; bundle verification.")
    public static final class Log implements Callable<Integer> {
        @Option(names = "--runs", defaultValue = "5", description = "Runs of each measurement (default ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--seconds", defaultValue = "3", description = "Seconds per run (default ${DEFAULT-VALUE}).")
        int seconds;

        @Option(names = "--threads", defaultValue = "2", description = "Appending threads (default ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--dir", paramLabel = "DIR", description = "Where to put the scratch databases (default: a temp dir).")
        Path dir;

        @Override
        public Integer call() throws Exception {
            Path scratch = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("metanode-bench-");
            LogBench bench = new LogBench(scratch, seconds * 1_000L, threads);
            int[] envelopeBytes = new int[1];
            double[] log = new double[runs];
            double[] raw100 = new double[runs];
            double[] raw1000 = new double[runs];
            System.out.printf("warm-up run (not counted): log %.0f receipts/s%n", bench.durableAppendsPerSecond(envelopeBytes));
            for (int i = 0; i < runs; i++) {
                log[i] = bench.durableAppendsPerSecond(envelopeBytes);
                raw100[i] = bench.rawRocksPutsPerSecond(100, envelopeBytes[0]);
                raw1000[i] = bench.rawRocksPutsPerSecond(1_000, envelopeBytes[0]);
                System.out.printf("run %d: log %.0f receipts/s; raw RocksDB synced batch-100 %.0f puts/s, batch-1000 %.0f puts/s%n",
                        i + 1, log[i], raw100[i], raw1000[i]);
            }
            double verify = bench.bundleVerifyMicros(2_000);
            System.out.printf("%nenvelope size                        %d bytes%n", envelopeBytes[0]);
            System.out.printf("durable receipt appends (median)     %.0f /s  (%d threads)%n", Stats.median(log), threads);
            System.out.printf("raw RocksDB synced puts, batch 100   %.0f /s  -> log/raw = %.2f%n", Stats.median(raw100),
                    Stats.median(log) / Stats.median(raw100));
            System.out.printf("raw RocksDB synced puts, batch 1000  %.0f /s  -> log/raw = %.2f%n", Stats.median(raw1000),
                    Stats.median(log) / Stats.median(raw1000));
            System.out.printf("offline bundle verification (median) %.1f us each%n", verify);
            return 0;
        }
    }

    /** metanode bench chain. */
    @Command(name = "chain", description = {"Committed signed transactions per second on running nodes (e.g. a "
            + "'testnet init' network), with commit latency, beside this machine's Ed25519 verify rate.",
            "Clients POST batches of notary/attest transactions to the nodes in turn; each request is answered "
                    + "once its batch is final. Closed loop by default (a client sends when its last batch is final); "
                    + "with --rate, open loop at a fixed rate, latency counted from when each batch was due."})
    public static final class Chain implements Callable<Integer> {
        private static final int CLOSED_LOOP_CLIENTS = 8;
        private static final int OPEN_LOOP_CLIENTS = 64;

        @Option(names = "--node", paramLabel = "HOME", description = "A running node's home; repeat for several "
                + "(load is spread over them). Default: the default home.")
        List<Path> homes = new ArrayList<>();

        @Option(names = "--seconds", defaultValue = "60", description = "Measured seconds (default ${DEFAULT-VALUE}).")
        int seconds;

        @Option(names = "--clients", paramLabel = "N", description = "Concurrent clients: requests in flight at most "
                + "(default 8; with --rate, 64).")
        Integer clients;

        @Option(names = "--rate", paramLabel = "TX_PER_S", defaultValue = "0", description = "Offer this many "
                + "transactions a second whatever the nodes do (open loop); 0 = closed loop (default).")
        double rate;

        @Option(names = "--batch", defaultValue = "100", description = "Transactions per request (default ${DEFAULT-VALUE}).")
        int batch;

        @Option(names = "--txs", defaultValue = "400000", description = "Transactions signed before the run; the run "
                + "ends early if they run out (default ${DEFAULT-VALUE}).")
        int txs;

        @Option(names = "--warmup", defaultValue = "5", description = "Seconds of load before measuring (default ${DEFAULT-VALUE}).")
        int warmup;

        @Override
        public Integer call() throws Exception {
            int clients = this.clients != null ? this.clients : rate > 0 ? OPEN_LOOP_CLIENTS : CLOSED_LOOP_CLIENTS;
            if (seconds < 1 || clients < 1 || batch < 1 || batch > 2_000 || txs < batch || rate < 0) {
                throw new UserException("--seconds, --clients >= 1; --batch 1..2000; --txs >= --batch; --rate >= 0");
            }
            // Keep-alive connections for every client, or each request beyond the JDK's default 5 opens a new one.
            System.setProperty("http.maxConnections", Integer.toString(clients));
            List<ApiClient> nodes = new ArrayList<>();
            for (Path home : homes.isEmpty() ? List.of(new HomeOptions().home().root()) : homes) {
                nodes.add(ApiClient.connect(new NodeHome(home)));
            }
            double verify = ChainLoad.ed25519VerifiesPerSecond(2_000);
            System.out.printf("Ed25519 verifications, one thread: %.0f /s (each node verifies every transaction once)%n", verify);
            ChainLoad load = new ChainLoad(nodes, clients, batch);
            long signStart = System.nanoTime();
            var bodies = load.prepare(txs);
            System.out.printf("signed %d transactions in %.1f s; %d nodes, %d clients, batches of %d%n", txs,
                    (System.nanoTime() - signStart) / 1e9, nodes.size(), clients, batch);
            if (rate > 0) {
                System.out.printf("open loop: %.0f tx/s offered, up to %d requests in flight%n", rate, clients);
            }
            if (warmup > 0) {
                ChainLoad.Result w = rate > 0 ? load.runAtRate(bodies, warmup, rate) : load.run(bodies, warmup);
                System.out.printf("warm-up: %.0f tx/s%n", w.txPerSecond());
            }
            ChainLoad.Result r = rate > 0 ? load.runAtRate(bodies, seconds, rate) : load.run(bodies, seconds);
            System.out.printf("%ncommitted            %d transactions in %.1f s (%d refused or pending)%n", r.applied(),
                    r.seconds(), r.refused());
            System.out.printf("throughput           %.0f tx/s sustained; per second: median %.0f, min %.0f%n",
                    r.txPerSecond(), Stats.median(r.perSecond()), java.util.Arrays.stream(r.perSecond()).min().orElse(0));
            // The series shows what a median hides: a stall (a node killed, a view change) is a run of low seconds.
            System.out.println("each second (tx/s)   " + java.util.Arrays.stream(r.perSecond())
                    .mapToObj(v -> String.format("%.0f", v)).collect(java.util.stream.Collectors.joining(" ")));
            System.out.printf("batch commit latency p50 %.0f ms, p99 %.0f ms (%s -> all %d final)%n",
                    Stats.percentile(r.batchLatencyMs(), 50), Stats.percentile(r.batchLatencyMs(), 99),
                    rate > 0 ? "batch due" : "request sent", batch);
            System.out.printf("ceiling              %.0f verifies/s per core; throughput/verify-rate = %.2f%n", verify,
                    r.txPerSecond() / verify);
            if (bodies.isEmpty()) {
                System.out.println("note: the signed transactions ran out before the end; pass a larger --txs");
            }
            return 0;
        }
    }
}

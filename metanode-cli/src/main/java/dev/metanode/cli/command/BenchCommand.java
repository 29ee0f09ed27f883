package dev.metanode.cli.command;

import dev.metanode.cli.bench.LogBench;
import dev.metanode.cli.bench.Stats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Measures this machine: durable receipt appends beside raw RocksDB, and offline verification. */
@Command(name = "bench", description = "Benchmarks of this machine (see docs/BENCHMARKS.md).",
        subcommands = BenchCommand.Log.class)
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
}

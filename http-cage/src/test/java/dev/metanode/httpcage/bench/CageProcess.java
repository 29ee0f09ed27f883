package dev.metanode.httpcage.bench;

import dev.metanode.core.kernel.Clock;
import dev.metanode.core.log.LogColumns;
import dev.metanode.core.log.LogSettings;
import dev.metanode.core.log.StoredReceiptLog;
import dev.metanode.core.store.RocksKvStore;
import dev.metanode.core.testing.TestKeys;
import dev.metanode.httpcage.HttpCage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * One cage in a JVM of its own, as a daemon runs it: the bench starts one of these per
 * configuration, so that no configuration runs on code the JIT compiled for another. Arguments:
 * backend port, notarise (true/false), sign (true/false), a data directory. Prints
 * {@code port N transport T}, then answers lines on stdin: {@code size} (receipts in its log),
 * {@code metrics} (the scrape, ended by a line "."), {@code stop} or end of input.
 */
public final class CageProcess {
    private CageProcess() {}

    public static void main(String[] args) throws Exception {
        int backendPort = Integer.parseInt(args[0]);
        boolean notarise = Boolean.parseBoolean(args[1]);
        boolean sign = Boolean.parseBoolean(args[2]);
        Path dir = Path.of(args[3]);
        try (RocksKvStore store = RocksKvStore.open(dir.resolve("db"),
                Stream.concat(LogColumns.names().stream(), HttpCage.COLUMNS.stream()).toList());
             StoredReceiptLog log = notarise ? StoredReceiptLog.open(store, TestKeys.key(1), "metanode/bench",
                     Clock.SYSTEM, LogSettings.DEFAULTS) : null) {
            HttpCage cage = HttpCageBench.cage(backendPort, log, store, notarise, sign);
            try {
                System.out.println("port " + cage.port() + " transport " + cage.transport());
                System.out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                for (String line = in.readLine(); line != null && !line.equals("stop"); line = in.readLine()) {
                    switch (line) {
                        case "size" -> System.out.println(log == null ? 0 : log.size());
                        case "metrics" -> System.out.println(cage.metrics().scrape() + "\n.");
                        case "gc" -> {
                            System.gc();
                            System.out.println("ok");
                        }
                        default -> System.out.println("unknown command");
                    }
                    System.out.flush();
                }
            } finally {
                cage.stop();
            }
        }
    }
}

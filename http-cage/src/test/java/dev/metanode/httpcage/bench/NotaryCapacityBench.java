package dev.metanode.httpcage.bench;

import dev.metanode.core.kernel.Clock;
import dev.metanode.core.log.LogColumns;
import dev.metanode.core.log.LogSettings;
import dev.metanode.core.log.StoredReceiptLog;
import dev.metanode.core.store.RocksKvStore;
import dev.metanode.core.testing.TestKeys;
import dev.metanode.httpcage.metrics.CageMetrics;
import dev.metanode.httpcage.notary.ExchangeStore;
import dev.metanode.httpcage.notary.Notary;
import dev.metanode.httpcage.notary.PipelineRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How many exchanges per second the notary makes durable (batched receipts, RocksDB, fsync). */
@Tag("bench")
class NotaryCapacityBench {
    static final int EXCHANGES = 200_000;

    @TempDir
    Path dir;

    @Test
    void exchangesPerSecond() throws Exception {
        List<String> columns = new ArrayList<>(LogColumns.names());
        columns.addAll(ExchangeStore.COLUMNS);
        try (RocksKvStore store = RocksKvStore.open(dir.resolve("db"), columns);
             StoredReceiptLog log = StoredReceiptLog.open(store, TestKeys.key(1), "metanode/bench", Clock.SYSTEM,
                     LogSettings.DEFAULTS)) {
            Notary notary = new Notary(log, new ExchangeStore(store), Clock.SYSTEM, new CageMetrics(),
                    Notary.IN_FLIGHT_MAX);
            PipelineRecord record = new PipelineRecord("bench", "GET", "/", 200, 250, new byte[32], new byte[32], 0, 6,
                    null, null, "127.0.0.1", Map.of("auth", "none"));
            for (int round = 0; round < 3; round++) {
                long receiptsBefore = log.size();
                long start = System.nanoTime();
                for (int i = 0; i < EXCHANGES; i++) {
                    while (!notary.tryReserve()) {
                        Thread.onSpinWait();
                    }
                    notary.submit(record);
                }
                while (notary.inFlight(Notary.IN_FLIGHT_MAX) > 0) {
                    Thread.sleep(1);
                }
                long nanos = System.nanoTime() - start;
                System.out.printf("round %d: %d exchanges durable at %.0f/s in %d receipts%n", round, EXCHANGES,
                        EXCHANGES / (nanos / 1e9), log.size() - receiptsBefore);
            }
            notary.close();
        }
    }
}

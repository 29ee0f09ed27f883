package dev.metanode.httpcage.bench;

import dev.metanode.core.kernel.Clock;
import dev.metanode.core.log.LogColumns;
import dev.metanode.core.log.LogSettings;
import dev.metanode.core.log.StoredReceiptLog;
import dev.metanode.core.receipt.ReceiptDraft;
import dev.metanode.core.store.RocksKvStore;
import dev.metanode.core.testing.TestKeys;
import dev.metanode.httpcage.notary.PipelineReceipts;
import dev.metanode.httpcage.notary.PipelineRecord;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How many pipeline receipts per second the receipt log takes from one appending thread (the notary's). */
@Tag("bench")
class NotaryCapacityBench {
    static final int RECEIPTS = 20_000;

    @TempDir
    Path dir;

    @Test
    void pipelineReceiptsPerSecond() throws Exception {
        try (RocksKvStore store = RocksKvStore.open(dir.resolve("db"), LogColumns.names());
             StoredReceiptLog log = StoredReceiptLog.open(store, TestKeys.key(1), "metanode/bench", Clock.SYSTEM,
                     LogSettings.DEFAULTS)) {
            PipelineRecord record = new PipelineRecord("bench", "GET", "/", 200, 250, new byte[32], new byte[32], 0, 6,
                    null, null, "127.0.0.1", Map.of("auth", "none"));
            for (int round = 0; round < 2; round++) {
                long start = System.nanoTime();
                long draftNanos = 0;
                CompletableFuture<?> last = null;
                for (int i = 0; i < RECEIPTS; i++) {
                    long t = System.nanoTime();
                    ReceiptDraft draft = PipelineReceipts.draft(record);
                    draftNanos += System.nanoTime() - t;
                    last = log.append(draft);
                }
                long appended = System.nanoTime();
                last.get();
                long durable = System.nanoTime();
                System.out.printf("round %d: %d receipts, append calls %.0f/s (draft %.1f µs each), durable %.0f/s%n",
                        round, RECEIPTS, RECEIPTS / ((appended - start) / 1e9), draftNanos / 1e3 / RECEIPTS,
                        RECEIPTS / ((durable - start) / 1e9));
            }
        }
    }
}

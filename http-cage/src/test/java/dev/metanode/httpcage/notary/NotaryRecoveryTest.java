package dev.metanode.httpcage.notary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.core.codec.Json;
import dev.metanode.core.kernel.Clock;
import dev.metanode.core.log.LogColumns;
import dev.metanode.core.log.LogSettings;
import dev.metanode.core.log.StoredReceiptLog;
import dev.metanode.core.receipt.Receipt;
import dev.metanode.core.receipt.ReceiptDraft;
import dev.metanode.core.receipt.ReceiptKind;
import dev.metanode.core.store.RocksKvStore;
import dev.metanode.core.store.WriteBatch;
import dev.metanode.core.testing.TestKeys;
import dev.metanode.httpcage.HttpCage;
import dev.metanode.httpcage.HttpCageBuilder;
import dev.metanode.httpcage.HttpCageConfig;
import dev.metanode.httpcage.metrics.CageMetrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The on-disk states a crash can leave between the notary's steps (records and pending marker
 * written → receipt durable → root linked to the receipt), each built with the notary's own writes
 * on RocksDB, the store closed as a killed process leaves it, and reopened: the next start must
 * make every exchange provable.
 */
class NotaryRecoveryTest {
    @TempDir
    Path dir;

    @Test
    void aDurableReceiptWithoutItsLinkIsFoundInTheLogTail() throws Exception {
        ExchangeBatch batch = batch(5, 0);
        String receiptId;
        try (Opened before = open()) {
            before.log.appendAndWait(otherReceipt()); // the log's tail holds more than the batch's receipt
            before.exchanges.putRecords(batch, before.log.size());
            receiptId = before.log.appendAndWait(PipelineReceipts.batchDraft(batch, records(5), 0)).id();
            before.log.appendAndWait(otherReceipt());
            // crash: putReceipt never ran
        }
        try (Opened after = open()) {
            assertTrue(after.exchanges.find(ExchangeStore.id(batch.root(), 0)).isEmpty(), "not provable before recovery");
            NotaryRecovery.Outcome outcome = NotaryRecovery.run(after.log, after.exchanges);
            assertEquals(new NotaryRecovery.Outcome(1, 0, 0, 0), outcome);
            assertEquals(3, after.log.size(), "nothing appended: the receipt was there");
            for (int p = 0; p < 5; p++) {
                NotarisedExchangeTest.proveOffline(after.log, after.exchanges, ExchangeStore.id(batch.root(), p));
                assertEquals(receiptId, after.exchanges.find(ExchangeStore.id(batch.root(), p)).orElseThrow().receiptId());
            }
            assertTrue(after.exchanges.pending().isEmpty());
            assertEquals(NotaryRecovery.Outcome.NOTHING, NotaryRecovery.run(after.log, after.exchanges),
                    "a second start has nothing to do");
        }
    }

    @Test
    void recordsWhoseReceiptNeverBecameDurableAreNotarisedOnStart() throws Exception {
        ExchangeBatch first = batch(3, 10);
        ExchangeBatch second = batch(7, 13);
        try (Opened before = open()) {
            before.exchanges.putRecords(first, before.log.size());
            before.exchanges.putRecords(second, before.log.size());
            // crash before either append was durable
        }
        try (Opened after = open()) {
            NotaryRecovery.Outcome outcome = NotaryRecovery.run(after.log, after.exchanges);
            assertEquals(new NotaryRecovery.Outcome(0, 2, 0, 0), outcome);
            assertEquals(2, after.log.size(), "one receipt per batch");
            for (ExchangeBatch batch : List.of(first, second)) {
                ExchangeStore.Found found = after.exchanges.find(ExchangeStore.id(batch.root(), 0)).orElseThrow();
                Receipt receipt = Receipt.parse(after.log.find(found.receiptId()).orElseThrow().envelope());
                JsonNode inputs = receipt.predicate().path("inputs");
                assertTrue(inputs.path("recovered").asBoolean(), inputs.toString());
                assertEquals(batch.size(), inputs.path("exchanges").asInt());
                assertEquals(batch == first ? 10 : 13, inputs.path("firstSeq").asLong());
                assertEquals("{\"2xx\":" + (batch.size() - 1) + ",\"4xx\":1}",
                        receipt.predicate().path("result").path("statuses").toString());
                assertEquals(1, receipt.predicate().path("policy").path("refused").asInt());
                for (int p = 0; p < batch.size(); p++) {
                    JsonNode record = Json.parse(NotarisedExchangeTest.proveOffline(after.log, after.exchanges,
                            ExchangeStore.id(batch.root(), p)).record());
                    assertEquals(inputs.path("firstSeq").asLong() + p, record.path("seq").asLong());
                }
            }
        }
    }

    @Test
    void damagedRecordsAreNeitherSignedNorFatal() throws Exception {
        ExchangeBatch batch = batch(3, 0);
        try (Opened before = open()) {
            before.exchanges.putRecords(batch, before.log.size());
            String hex = HexFormat.of().formatHex(batch.root());
            String lines = before.store.get(ExchangeStore.RECORDS, hex).orElseThrow();
            before.store.write(new WriteBatch().put(ExchangeStore.RECORDS, hex,
                    lines.replace("\"status\":200", "\"status\":500")), true);
        }
        try (Opened after = open()) {
            assertEquals(new NotaryRecovery.Outcome(0, 0, 0, 1), NotaryRecovery.run(after.log, after.exchanges));
            assertEquals(0, after.log.size(), "nothing signed over records that do not hash to their root");
            assertEquals(1, after.exchanges.pending().size(), "the marker stays, so every start reports it");
        }
    }

    @Test
    void theCageRepairsBeforeItListens() throws Exception {
        ExchangeBatch batch = batch(4, 0);
        try (Opened before = open()) {
            before.exchanges.putRecords(batch, before.log.size());
        }
        try (Opened after = open()) {
            HttpCage cage = new HttpCageBuilder(HttpCageConfig.loopback(OptionalInt.empty()))
                    .apps(app -> Optional.empty()).receiptLog(after.log).store(after.store).build();
            cage.start();
            try {
                assertEquals(new NotaryRecovery.Outcome(0, 1, 0, 0), cage.recovered());
                NotarisedExchangeTest.proveOffline(after.log, cage.exchanges(), ExchangeStore.id(batch.root(), 3));
            } finally {
                cage.stop();
            }
        }
    }

    @Test
    void aCleanRunLeavesNothingPending() throws Exception {
        try (Opened opened = open()) {
            Notary notary = new Notary(opened.log, opened.exchanges, Clock.SYSTEM,
                    new CageMetrics(), Notary.IN_FLIGHT_MAX);
            for (PipelineRecord r : records(40)) {
                assertTrue(notary.tryReserve());
                notary.submit(r);
            }
            long deadline = System.currentTimeMillis() + 10_000;
            while (notary.inFlight(Notary.IN_FLIGHT_MAX) > 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            notary.close();
            for (int i = 0; i < 200 && !opened.exchanges.pending().isEmpty(); i++) {
                Thread.sleep(10); // the link is written just after the receipt's future completes
            }
            assertEquals(Map.of(), opened.exchanges.pending());
        }
    }

    private record Opened(RocksKvStore store, StoredReceiptLog log, ExchangeStore exchanges) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            log.close();
            store.close();
        }
    }

    private Opened open() throws Exception {
        List<String> columns = new ArrayList<>(LogColumns.names());
        columns.addAll(HttpCage.COLUMNS);
        RocksKvStore store = RocksKvStore.open(dir.resolve("db"), columns);
        StoredReceiptLog log = StoredReceiptLog.open(store, TestKeys.key(1), "metanode/test", Clock.SYSTEM,
                LogSettings.DEFAULTS);
        return new Opened(store, log, new ExchangeStore(store));
    }

    /** {@code n} exchanges, the last one refused with a 404, as the notary encodes them. */
    private static ExchangeBatch batch(int n, long firstSeq) {
        List<byte[]> encoded = new ArrayList<>();
        List<PipelineRecord> records = records(n);
        for (int i = 0; i < n; i++) {
            encoded.add(ExchangeRecord.encode(records.get(i), firstSeq + i, 1_700_000_000_000L + i));
        }
        return new ExchangeBatch(encoded);
    }

    private static List<PipelineRecord> records(int n) {
        List<PipelineRecord> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean last = i == n - 1;
            records.add(new PipelineRecord("shop", "GET", "/item/" + i, last ? 404 : 200, 120, new byte[32],
                    new byte[32], 0, 11, null, null, "127.0.0.1",
                    last ? Map.of("cage", "unknown.host") : Map.of("auth", "none")));
        }
        return records;
    }

    private static ReceiptDraft otherReceipt() {
        return ReceiptDraft.builder(ReceiptKind.ACTION, "node", "node.start").build();
    }
}

package dev.metanode.httpcage.notary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.core.codec.Json;
import dev.metanode.core.crypto.Sha256;
import dev.metanode.core.kernel.Clock;
import dev.metanode.core.log.Checkpoints;
import dev.metanode.core.log.LogSettings;
import dev.metanode.core.log.NoteVerifierKey;
import dev.metanode.core.log.ProofBundle;
import dev.metanode.core.log.StoredReceiptLog;
import dev.metanode.core.receipt.LoggedReceipt;
import dev.metanode.core.receipt.Receipt;
import dev.metanode.core.receipt.ReceiptKind;
import dev.metanode.core.receipt.ReceiptVerifier;
import dev.metanode.core.store.MemoryKvStore;
import dev.metanode.core.testing.TestKeys;
import dev.metanode.httpcage.CageFixture;
import dev.metanode.httpcage.CageLimits;
import dev.metanode.httpcage.CageReceipts;
import dev.metanode.httpcage.RawClient;
import dev.metanode.httpcage.TestApp;
import dev.metanode.httpcage.metrics.CageMetrics;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotarisedExchangeTest {
    static final List<NoteVerifierKey> TRUSTED = List.of(NoteVerifierKey.of("metanode/test", TestKeys.key(1).publicKey()));

    @Test
    void aProxiedExchangeIsARecordUnderASignedBatchReceiptAndProvableOffline() throws Exception {
        try (TestApp app = new TestApp("hello"); CageFixture fx = new CageFixture(CageLimits.DEFAULTS)) {
            fx.apps.put("hello", app.port());
            String request = "POST /orders?id=7 HTTP/1.1\r\nHost: " + fx.host("hello")
                    + "\r\nContent-Length: 5\r\n\r\nhello";
            RawClient.Response response;
            try (RawClient c = new RawClient(fx.port())) {
                response = c.send(request).read();
            }
            assertEquals(200, response.status());
            Receipt receipt = CageReceipts.await(fx.log, 0);
            assertTrue(ReceiptVerifier.verify(receipt, List.of(TestKeys.key(1).publicKey())).isPresent());
            assertEquals(ReceiptKind.PIPELINE, receipt.kind());
            assertEquals(PipelineReceipts.BATCH_OPERATION, receipt.operation());
            assertEquals(1, receipt.predicate().path("inputs").path("exchanges").asInt());
            assertEquals("[\"hello\"]", receipt.predicate().path("inputs").path("apps").toString());
            byte[] root = HexFormat.of().parseHex(receipt.statement().path("subject").get(0).path("digest")
                    .path("sha256").asText());

            ExchangeProof proof = proveOffline(fx.log, fx.cage.exchanges(), ExchangeStore.id(root, 0));
            JsonNode record = Json.parse(proof.record());
            assertEquals("hello", record.path("app").asText());
            assertEquals("POST", record.path("method").asText());
            assertEquals("/orders", record.path("path").asText(), "queries stay out of receipts");
            assertEquals(200, record.path("status").asInt());
            assertTrue(record.path("latencyMicros").asLong() > 0);
            assertEquals(hex(request), record.path("request").path("sha256").asText());
            assertEquals(5, record.path("request").path("bodyBytes").asInt());
            assertEquals(hex(response.rawHead() + response.body()), record.path("response").path("sha256").asText());

            String metrics = fx.cage.metrics().scrape();
            for (int i = 0; i < 200 && !metrics.contains("notary_lag_seconds_count 1"); i++) {
                Thread.sleep(10); // the lag is recorded just after the receipt becomes visible
                metrics = fx.cage.metrics().scrape();
            }
            assertTrue(metrics.contains("metanode_http_notary_lag_seconds_count 1"), metrics);
        }
    }

    @Test
    void aRefusedRequestIsNotarisedToo() throws Exception {
        try (CageFixture fx = new CageFixture(CageLimits.DEFAULTS)) {
            try (RawClient c = new RawClient(fx.port())) {
                assertEquals(404, c.get(fx.host("ghost"), "/").status());
            }
            Receipt receipt = CageReceipts.await(fx.log, 0);
            assertEquals(1, receipt.predicate().path("policy").path("refused").asInt());
            byte[] root = HexFormat.of().parseHex(receipt.statement().path("subject").get(0).path("digest")
                    .path("sha256").asText());
            JsonNode record = Json.parse(proveOffline(fx.log, fx.cage.exchanges(), ExchangeStore.id(root, 0)).record());
            assertEquals(404, record.path("status").asInt());
            assertEquals("unknown.host", record.path("policy").path("cage").asText());
        }
    }

    @Test
    void manyExchangesShareReceiptsAndEachIsProvable() throws Exception {
        MemoryKvStore store = new MemoryKvStore();
        int count = 600;
        try (StoredReceiptLog log = StoredReceiptLog.open(store, TestKeys.key(1), "metanode/test", Clock.SYSTEM,
                LogSettings.DEFAULTS)) {
            ExchangeStore exchanges = new ExchangeStore(store);
            Notary notary = new Notary(log, exchanges, Clock.SYSTEM, new CageMetrics(), Notary.IN_FLIGHT_MAX);
            for (int i = 0; i < count; i++) {
                assertTrue(notary.tryReserve());
                notary.submit(new PipelineRecord("app" + (i % 3), "GET", "/" + i, 200, 10, new byte[32], new byte[32],
                        0, 0, null, null, "127.0.0.1", Map.of()));
            }
            long deadline = System.currentTimeMillis() + 10_000;
            while (notary.inFlight(Notary.IN_FLIGHT_MAX) > 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            notary.close();
            int covered = 0;
            long seen = 0;
            for (long i = 0; i < log.size(); i++) {
                Receipt r = Receipt.parse(log.get(i).orElseThrow().envelope());
                int n = r.predicate().path("inputs").path("exchanges").asInt();
                assertEquals(covered, r.predicate().path("inputs").path("firstSeq").asLong(), "sequence without gaps");
                byte[] root = HexFormat.of().parseHex(r.statement().path("subject").get(0).path("digest")
                        .path("sha256").asText());
                for (int p = 0; p < n; p += Math.max(1, n / 7)) {
                    JsonNode record = Json.parse(proveOffline(log, exchanges, ExchangeStore.id(root, p)).record());
                    assertEquals(covered + p, record.path("seq").asLong());
                    seen++;
                }
                covered += n;
            }
            assertEquals(count, covered, "every exchange is under exactly one receipt");
            assertTrue(log.size() < count, "batched: " + log.size() + " receipts for " + count + " exchanges");
            assertTrue(seen > 0);
        }
    }

    /**
     * What a user does: get the exchange's proof (as the daemon serves it), write it out, and check it
     * offline with the node's public key; a changed record must fail.
     */
    static ExchangeProof proveOffline(StoredReceiptLog log, ExchangeStore exchanges, String id) throws Exception {
        ExchangeStore.Found found = null;
        for (int i = 0; i < 500 && found == null; i++) {
            found = exchanges.find(id).orElse(null); // the batch → receipt entry follows the receipt
            if (found == null) {
                Thread.sleep(10);
            }
        }
        assertTrue(found != null, "no stored exchange " + id);
        LoggedReceipt receipt = log.find(found.receiptId()).orElseThrow();
        String note = log.checkpointCovering(receipt.index());
        long size = Checkpoints.ofOwnNote(note).size();
        ExchangeProof proof = ExchangeProof.of(found, ProofBundle.of(receipt, size, log.inclusionProof(receipt.index(), size), note));
        ExchangeProof parsed = ExchangeProof.parse(proof.toJson().getBytes(StandardCharsets.UTF_8));
        assertTrue(parsed.verify(TRUSTED).passed(), parsed.verify(TRUSTED).failure());
        byte[] tampered = parsed.record().clone();
        tampered[tampered.length - 2] ^= 1;
        ExchangeProof forged = new ExchangeProof(parsed.exchangeId(), tampered, parsed.position(), parsed.batchSize(),
                parsed.path(), parsed.receipt());
        assertFalse(forged.verify(TRUSTED).passed(), "a changed record does not verify");
        return parsed;
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(Sha256.digest(text.getBytes(StandardCharsets.ISO_8859_1)));
    }
}

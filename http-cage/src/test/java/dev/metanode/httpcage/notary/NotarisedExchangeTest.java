package dev.metanode.httpcage.notary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.core.crypto.Sha256;
import dev.metanode.core.receipt.Receipt;
import dev.metanode.core.receipt.ReceiptKind;
import dev.metanode.core.receipt.ReceiptVerifier;
import dev.metanode.core.testing.TestKeys;
import dev.metanode.httpcage.CageFixture;
import dev.metanode.httpcage.CageLimits;
import dev.metanode.httpcage.CageReceipts;
import dev.metanode.httpcage.RawClient;
import dev.metanode.httpcage.TestApp;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotarisedExchangeTest {
    @Test
    void aProxiedRequestLeavesASignedPipelineReceiptWithBothDigests() throws Exception {
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
            assertEquals(PipelineReceipts.OPERATION, receipt.operation());
            JsonNode p = receipt.predicate();
            assertEquals("hello", p.path("inputs").path("app").asText());
            assertEquals("POST", p.path("inputs").path("method").asText());
            assertEquals("/orders", p.path("inputs").path("path").asText(), "queries stay out of receipts");
            assertEquals(200, p.path("result").path("status").asInt());
            assertTrue(p.path("resources").path("latencyMicros").asLong() > 0);
            JsonNode subjects = receipt.statement().path("subject");
            assertEquals(hex(request), subjects.get(0).path("digest").path("sha256").asText());
            assertEquals(hex(response.rawHead() + response.body()), subjects.get(1).path("digest").path("sha256").asText());
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
            JsonNode p = CageReceipts.await(fx.log, 0).predicate();
            assertEquals(404, p.path("result").path("status").asInt());
            assertEquals("unknown.host", p.path("policy").path("cage").asText());
        }
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(Sha256.digest(text.getBytes(StandardCharsets.ISO_8859_1)));
    }
}

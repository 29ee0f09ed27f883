package dev.metanode.httpcage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.core.codec.Json;
import dev.metanode.core.log.StoredReceiptLog;
import dev.metanode.core.receipt.Receipt;
import dev.metanode.httpcage.notary.ExchangeStore;
import java.time.Duration;
import java.util.HexFormat;

/** Waits for the notary's asynchronous receipts in tests. */
public final class CageReceipts {
    private CageReceipts() {}

    /** The receipt at {@code index}, waiting up to five seconds for it to become durable. */
    public static Receipt await(StoredReceiptLog log, long index) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (log.size() <= index) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no receipt at " + index + " after 5 s; log size " + log.size());
            }
            Thread.sleep(5);
        }
        return Receipt.parse(log.get(index).orElseThrow().envelope());
    }

    /** The record of the {@code seq}-th exchange the cage notarised (0 first), waiting for its batch receipt. */
    public static JsonNode exchange(CageFixture fx, long seq) throws InterruptedException {
        long covered = 0;
        for (long index = 0;; index++) {
            Receipt batch = await(fx.log, index);
            int n = batch.predicate().path("inputs").path("exchanges").asInt();
            if (seq < covered + n) {
                byte[] root = HexFormat.of().parseHex(batch.statement().path("subject").get(0).path("digest")
                        .path("sha256").asText());
                String id = ExchangeStore.id(root, (int) (seq - covered));
                for (int i = 0; i < 500; i++) {
                    var found = fx.cage.exchanges().find(id);
                    if (found.isPresent()) {
                        return Json.parse(found.get().records().get(found.get().position()));
                    }
                    Thread.sleep(10);
                }
                throw new AssertionError("exchange " + id + " is not stored");
            }
            covered += n;
        }
    }
}

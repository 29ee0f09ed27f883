package dev.metanode.cli.daemon;

import dev.metanode.core.codec.Json;
import dev.metanode.core.log.Checkpoints;
import dev.metanode.core.log.ProofBundle;
import dev.metanode.core.log.StoredReceiptLog;
import dev.metanode.core.receipt.LoggedReceipt;
import dev.metanode.core.receipt.Receipt;
import dev.metanode.httpcage.notary.ExchangeProof;
import dev.metanode.httpcage.notary.ExchangeStore;
import dev.metanode.httpcage.notary.PipelineReceipts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP exchanges under a pipeline receipt ({@code /api/v1/receipts/{rx}/exchanges}) and the
 * offline proof of one exchange ({@code /api/v1/exchanges/{hx}/proof}).
 */
final class ExchangeRoutes {
    private final StoredReceiptLog log;
    private final ExchangeStore exchanges;

    ExchangeRoutes(StoredReceiptLog log, ExchangeStore exchanges) {
        this.log = log;
        this.exchanges = exchanges;
    }

    void register(Router router) {
        router.add("GET", "/api/v1/receipts/{id}/exchanges", this::list);
        router.add("GET", "/api/v1/exchanges/{id}/proof", this::proof);
    }

    private ApiResponse list(ApiRequest request) {
        String id = request.params().get(0);
        LoggedReceipt receipt = log.find(id).orElseThrow(() -> new ApiError(404, "no receipt " + id + " in this node's log"));
        byte[] root = PipelineReceipts.batchRoot(Receipt.parse(receipt.envelope()))
                .orElseThrow(() -> new ApiError(400, id + " is not a receipt of HTTP exchanges"));
        List<Map<String, Object>> out = new ArrayList<>();
        List<byte[]> records = exchanges.batch(root);
        for (int i = 0; i < records.size(); i++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", ExchangeStore.id(root, i));
            e.put("record", Json.parse(records.get(i)));
            out.add(e);
        }
        return ApiResponse.json(Map.of("receipt", receipt.id(), "exchanges", out));
    }

    private ApiResponse proof(ApiRequest request) {
        String id = request.params().get(0);
        ExchangeStore.Found found = exchanges.find(id)
                .orElseThrow(() -> new ApiError(404, "no exchange " + id + " in this node's store"));
        LoggedReceipt receipt = log.find(found.receiptId()).orElseThrow(() -> new ApiError(500,
                "exchange " + id + " names receipt " + found.receiptId() + ", which is not in the log"));
        String note = log.checkpointCovering(receipt.index());
        long size = Checkpoints.ofOwnNote(note).size();
        ProofBundle bundle = ProofBundle.of(receipt, size, log.inclusionProof(receipt.index(), size), note);
        return new ApiResponse(200, "application/json",
                ExchangeProof.of(found, bundle).toJson().getBytes(StandardCharsets.UTF_8));
    }
}

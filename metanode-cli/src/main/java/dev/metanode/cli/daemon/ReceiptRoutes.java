package dev.metanode.cli.daemon;

import dev.metanode.core.codec.Json;
import dev.metanode.core.log.Checkpoints;
import dev.metanode.core.log.ProofBundle;
import dev.metanode.core.log.StoredReceiptLog;
import dev.metanode.core.receipt.LoggedReceipt;
import dev.metanode.core.receipt.Receipt;
import dev.metanode.core.receipt.ReceiptKind;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading the receipt log: listings, one receipt, its offline bundle, consistency proofs. */
public final class ReceiptRoutes {
    /** A listing returns at most this many receipts. */
    public static final int LIST_LIMIT_MAX = 10_000;

    private final StoredReceiptLog log;
    /** Anchored bundles come from the chain; null in tests that run the log alone. */
    private final ChainService chain;

    public ReceiptRoutes(StoredReceiptLog log, ChainService chain) {
        this.chain = chain;
        this.log = log;
    }

    public void register(Router router) {
        router.add("GET", "/api/v1/receipts", this::list);
        router.add("GET", "/api/v1/receipts/{id}", r -> ApiResponse.json(describe(find(r.params().get(0)))));
        router.add("GET", "/api/v1/receipts/{id}/bundle", this::bundle);
        router.add("GET", "/api/v1/log/consistency", this::consistency);
    }

    private ApiResponse list(ApiRequest request) {
        String kind = request.query("kind", "");
        if (!kind.isEmpty()) {
            ReceiptKind.fromWire(kind);
        }
        String operation = request.query("operation", "");
        int limit = (int) request.queryLong("limit", 20, 1, LIST_LIMIT_MAX);
        long before = request.queryLong("before", Long.MAX_VALUE, 0, Long.MAX_VALUE);
        String app = request.query("app", "");
        List<Map<String, Object>> receipts = log.list(before, limit, s ->
                (kind.isEmpty() || kind.equals(s.get("kind")))
                        && (operation.isEmpty() || operation.equals(s.get("operation")))
                        && (app.isEmpty() || concerns(s, app)));
        return ApiResponse.json(Map.of("size", log.size(), "receipts", receipts));
    }

    /** Whether a receipt concerns an app: its actor is the app, or its summary lists it (see StoredReceiptLog). */
    private static boolean concerns(Map<String, Object> summary, String app) {
        return ("app:" + app).equals(summary.get("actor"))
                || summary.get("apps") instanceof List<?> apps && apps.contains(app);
    }

    private LoggedReceipt find(String id) {
        return log.find(id).orElseThrow(() -> new ApiError(404, "no receipt " + id + " in this node's log"));
    }

    private static Map<String, Object> describe(LoggedReceipt receipt) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", receipt.id());
        out.put("index", receipt.index());
        out.put("leafHash", HexFormat.of().formatHex(receipt.leafHash()));
        out.put("envelope", Base64.getEncoder().encodeToString(receipt.envelope()));
        out.put("statement", Receipt.parse(receipt.envelope()).statement());
        return out;
    }

    private ApiResponse bundle(ApiRequest request) {
        LoggedReceipt receipt = find(request.params().get(0));
        Optional<ProofBundle> anchored = chain == null ? Optional.empty() : chain.anchoredBundle(log, receipt);
        if (anchored.isPresent()) {
            return new ApiResponse(200, "application/json", anchored.get().toJson().getBytes(StandardCharsets.UTF_8));
        }
        String note = log.checkpointCovering(receipt.index());
        long size = Checkpoints.ofOwnNote(note).size();
        ProofBundle bundle = ProofBundle.of(receipt, size, log.inclusionProof(receipt.index(), size), note);
        return new ApiResponse(200, "application/json", bundle.toJson().getBytes(StandardCharsets.UTF_8));
    }

    private ApiResponse consistency(ApiRequest request) {
        long from = request.queryLong("from", 0, 0, Long.MAX_VALUE);
        String note = log.latestCheckpoint().orElseThrow(() -> new ApiError(409, "the log has no checkpoint yet"));
        long to = Checkpoints.ofOwnNote(note).size();
        if (from > to) {
            throw new ApiError(409, "the given checkpoint has " + from + " receipts but this log's newest has " + to
                    + ": this log is not a continuation of it");
        }
        List<String> proof = log.consistencyProof(from, to).stream()
                .map(h -> Base64.getEncoder().encodeToString(h)).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", from);
        out.put("to", to);
        out.put("checkpoint", note);
        out.put("proof", proof);
        return new ApiResponse(200, "application/json", Json.write(out).getBytes(StandardCharsets.UTF_8));
    }
}

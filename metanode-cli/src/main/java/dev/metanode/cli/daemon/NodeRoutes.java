package dev.metanode.cli.daemon;

import dev.metanode.core.log.Checkpoint;
import dev.metanode.core.log.Checkpoints;
import dev.metanode.core.receipt.ReceiptDraft;
import dev.metanode.core.receipt.ReceiptKind;
import dev.metanode.core.workload.WorkloadRuntime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** /api/v1/status, /api/v1/stop, /api/v1/checkpoint. */
public final class NodeRoutes {
    private final NodeContext node;
    private final WorkloadRuntime runtime;

    public NodeRoutes(NodeContext node, WorkloadRuntime runtime) {
        this.node = node;
        this.runtime = runtime;
    }

    public void register(Router router) {
        router.add("GET", "/api/v1/status", r -> ApiResponse.json(status()));
        router.add("GET", "/api/v1/checkpoint", r -> ApiResponse.json(checkpoint()));
        router.add("POST", "/api/v1/stop", this::stop);
    }

    Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("nodeId", node.key().publicKey().fingerprint());
        out.put("publicKey", node.key().publicKey().base64());
        out.put("noteKey", node.noteKey());
        out.put("version", node.version());
        out.put("chainId", node.config().chainId());
        out.put("pid", ProcessHandle.current().pid());
        out.put("startedAt", node.startedAt().toString());
        out.put("uptimeMs", node.clock().millis() - node.startedAt().toEpochMilli());
        out.put("logSize", node.log().size());
        out.put("checkpoint", checkpoint().get("checkpoint"));
        out.put("runtime", runtime.status());
        return out;
    }

    private Map<String, Object> checkpoint() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("checkpoint", node.log().latestCheckpoint().map(note -> {
            Checkpoint cp = Checkpoints.ofOwnNote(note);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("origin", cp.origin());
            c.put("size", cp.size());
            c.put("rootHash", Base64.getEncoder().encodeToString(cp.rootHash()));
            c.put("note", note);
            return c;
        }).orElse(null));
        return out;
    }

    private ApiResponse stop(ApiRequest request) {
        node.log().appendAndWait(ReceiptDraft.builder(ReceiptKind.ACTION, "api:" + request.remote(), "node.stop")
                .input("requestedBy", "api").build());
        // Stop only once this answer is on the wire, or the client would see a reset connection.
        return ApiResponse.json(202, Map.of("stopping", true))
                .then(() -> Thread.ofPlatform().name("shutdown").start(node.shutdown()));
    }
}

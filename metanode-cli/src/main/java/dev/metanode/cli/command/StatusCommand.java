package dev.metanode.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.cli.client.ApiClient;
import dev.metanode.cli.options.HomeOptions;
import dev.metanode.cli.options.OutputOptions;
import dev.metanode.core.codec.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** What the node is: id, key, version, uptime, log size, latest checkpoint. */
@Command(name = "status", description = "Show the running node: identity, version, uptime, log, checkpoint.")
public final class StatusCommand implements Callable<Integer> {
    @Mixin
    HomeOptions homeOptions;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        ApiClient client = ApiClient.connect(homeOptions.home());
        JsonNode status = client.get("/api/v1/status");
        if (output.json()) {
            System.out.println(Json.pretty(status));
            return 0;
        }
        JsonNode cp = status.path("checkpoint");
        System.out.printf("""
                node        %s
                public key  %s
                version     %s
                chain       %s
                api         %s (pid %d)
                uptime      %s
                log size    %d receipts
                checkpoint  %s
                cage        %s
                """, status.path("nodeId").asText(), status.path("publicKey").asText(),
                status.path("version").asText(), status.path("chainId").asText(), client.baseUrl(),
                status.path("pid").asLong(), Text.duration(status.path("uptimeMs").asLong()),
                status.path("logSize").asLong(),
                cp.isNull() || cp.isMissingNode() ? "none yet"
                        : "size " + cp.path("size").asLong() + ", root " + cp.path("rootHash").asText(),
                cage(status.path("runtime")));
        return 0;
    }

    private static String cage(JsonNode runtime) {
        if (runtime.isMissingNode() || runtime.isNull()) {
            return "not available";
        }
        return runtime.path("implementation").asText() + "; limits by " + runtime.path("limitsMode").asText()
                + (runtime.path("userNamespace").asBoolean() ? "; user namespace" : "; running as root");
    }
}

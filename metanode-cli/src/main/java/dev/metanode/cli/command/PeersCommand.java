package dev.metanode.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.cli.client.ApiClient;
import dev.metanode.cli.options.HomeOptions;
import dev.metanode.cli.options.OutputOptions;
import dev.metanode.core.codec.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Connected peers over the encrypted transport: keys, addresses, bytes and messages each way. */
@Command(name = "peers", description = "Show the peers connected over the encrypted transport.")
public final class PeersCommand implements Callable<Integer> {
    @Mixin
    HomeOptions homeOptions;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        JsonNode answer = ApiClient.connect(homeOptions.home()).get("/api/v1/peers");
        if (output.json()) {
            System.out.println(Json.pretty(answer));
            return 0;
        }
        if (answer.path("configured").asInt() == 0) {
            System.out.println("no peers configured: this node runs alone (add net.peers to metanode.yaml)");
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode p : answer.path("peers")) {
            rows.add(List.of(p.path("fingerprint").asText(), p.path("address").asText(), p.path("direction").asText(),
                    p.path("bytesIn").asText(), p.path("bytesOut").asText(), p.path("messagesIn").asText(),
                    p.path("messagesOut").asText()));
        }
        System.out.println("listening on " + answer.path("listening").asText() + "; " + rows.size() + " of "
                + answer.path("configured").asInt() + " configured peers connected");
        System.out.print(Text.table(List.of("PEER", "ADDRESS", "DIR", "BYTES IN", "BYTES OUT", "MSGS IN", "MSGS OUT"),
                rows));
        return 0;
    }
}

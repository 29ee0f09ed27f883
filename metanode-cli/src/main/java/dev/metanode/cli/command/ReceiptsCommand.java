package dev.metanode.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.cli.client.ApiClient;
import dev.metanode.cli.options.HomeOptions;
import dev.metanode.cli.options.OutputOptions;
import dev.metanode.core.codec.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Lists the node's receipts, newest first; subcommands show, export and prove them. */
@Command(name = "receipts", description = "List receipts, newest first.",
        subcommands = {ReceiptShowCommand.class, ReceiptExportCommand.class, ConsistencyCommand.class,
                CheckpointCommand.class})
public final class ReceiptsCommand implements Callable<Integer> {
    @Mixin
    HomeOptions homeOptions;

    @Mixin
    OutputOptions output;

    @Option(names = "--kind", paramLabel = "KIND", description = "Only this kind: action, step, agreement, pipeline, economic.")
    String kind;

    @Option(names = "--operation", paramLabel = "OP", description = "Only this operation, e.g. node.start.")
    String operation;

    @Option(names = "--app", paramLabel = "APP", description = "Only receipts about this app: its life steps and "
            + "the notarised batches of its HTTP exchanges (with --kind pipeline, only those).")
    String app;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N receipts (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        ApiClient client = ApiClient.connect(homeOptions.home());
        StringBuilder path = new StringBuilder("/api/v1/receipts?limit=").append(limit);
        if (kind != null) {
            path.append("&kind=").append(URLEncoder.encode(kind, StandardCharsets.UTF_8));
        }
        if (app != null) {
            path.append("&app=").append(URLEncoder.encode(app, StandardCharsets.UTF_8));
        }
        if (operation != null) {
            path.append("&operation=").append(URLEncoder.encode(operation, StandardCharsets.UTF_8));
        }
        JsonNode answer = client.get(path.toString());
        if (output.json()) {
            System.out.println(Json.pretty(answer.path("receipts")));
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode r : answer.path("receipts")) {
            rows.add(List.of(r.path("id").asText(), String.valueOf(r.path("index").asLong()), r.path("kind").asText(),
                    r.path("operation").asText(), r.path("actor").asText(), r.path("recorded").asText()));
        }
        System.out.print(Text.table(List.of("ID", "INDEX", "KIND", "OPERATION", "ACTOR", "RECORDED"), rows));
        System.out.println(rows.size() + " of " + answer.path("size").asLong() + " receipts in the log");
        return 0;
    }
}

package dev.metanode.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.cli.client.ApiClient;
import dev.metanode.cli.options.HomeOptions;
import dev.metanode.cli.options.OutputOptions;
import dev.metanode.core.codec.Json;
import dev.metanode.core.receipt.ReceiptIds;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** One receipt: its id, place in the log, and the signed statement. */
@Command(name = "show", description = "Show one receipt and its signed statement.")
public final class ReceiptShowCommand implements Callable<Integer> {
    @Mixin
    HomeOptions homeOptions;

    @Mixin
    OutputOptions output;

    @Parameters(paramLabel = "RX", description = "Receipt id (rx_…), or a unique prefix of it.")
    String id;

    @Override
    public Integer call() {
        ReceiptIds.hexPart(id);
        JsonNode receipt = ApiClient.connect(homeOptions.home()).get("/api/v1/receipts/" + id);
        if (output.json()) {
            System.out.println(Json.pretty(receipt));
            return 0;
        }
        JsonNode predicate = receipt.path("statement").path("predicate");
        System.out.printf("receipt    %s%nindex      %d%nleaf hash  %s%nkind       %s%noperation  %s%nactor      %s%n"
                + "recorded   %s%n%nstatement (in-toto v1, signed in a DSSE envelope):%n%s%n",
                receipt.path("id").asText(), receipt.path("index").asLong(), receipt.path("leafHash").asText(),
                predicate.path("kind").asText(), predicate.path("operation").asText(), predicate.path("actor").asText(),
                predicate.path("timestamps").path("recorded").asText(), Json.pretty(receipt.path("statement")));
        return 0;
    }
}

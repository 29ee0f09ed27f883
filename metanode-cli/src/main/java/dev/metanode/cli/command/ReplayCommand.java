package dev.metanode.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.cli.UserException;
import dev.metanode.cli.client.ApiClient;
import dev.metanode.cli.options.HomeOptions;
import dev.metanode.cli.options.OutputOptions;
import dev.metanode.core.codec.Json;
import dev.metanode.core.receipt.ReceiptIds;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Re-runs a job from its step receipt and compares witness roots; the verdict is itself a receipt. */
@Command(name = "replay", description = "Re-run a job from its receipt and check it does the same thing.")
public final class ReplayCommand implements Callable<Integer> {
    @Mixin
    HomeOptions homeOptions;

    @Mixin
    OutputOptions output;

    @Parameters(paramLabel = "RX", description = "The step receipt of the run to replay.")
    String id;

    @Override
    public Integer call() {
        ReceiptIds.hexPart(id);
        JsonNode verdict = ApiClient.connect(homeOptions.home()).post("/api/v1/jobs/replay/" + id, new byte[0]);
        if (output.json()) {
            System.out.println(Json.pretty(verdict));
        } else {
            System.out.printf("recorded witness root  %s%nreplayed witness root  %s%nverdict                %s%n"
                    + "verdict receipt        %s%n", verdict.path("recordedRoot").asText(),
                    verdict.path("replayedRoot").asText(),
                    verdict.path("matches").asBoolean() ? "MATCH: the replay did the same thing" : "DIFFERENT",
                    verdict.path("receipt").asText());
        }
        if (!verdict.path("matches").asBoolean()) {
            throw new UserException("the replay of " + id + " differs from the recorded run");
        }
        return 0;
    }
}

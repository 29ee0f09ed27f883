package dev.metanode.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.cli.client.ApiClient;
import dev.metanode.cli.options.HomeOptions;
import dev.metanode.cli.options.OutputOptions;
import dev.metanode.core.codec.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The node's chain: height, validators, blocks with their commit seals and anchored checkpoints. */
@Command(name = "chain", description = "The BPI chain this node runs.",
        subcommands = {ChainCommand.Status.class, ChainCommand.Block.class})
public final class ChainCommand {
    /** metanode chain status. */
    @Command(name = "status", description = "Height, last block, validators, mempool.")
    public static final class Status implements Callable<Integer> {
        @Mixin
        HomeOptions homeOptions;

        @Mixin
        OutputOptions output;

        @Override
        public Integer call() {
            JsonNode s = ApiClient.connect(homeOptions.home()).get("/api/v1/chain/status");
            if (output.json()) {
                System.out.println(Json.pretty(s));
                return 0;
            }
            System.out.printf("height      %d%nlast block  %s%nproposer    %s%nvalidators  %d%nmempool     %d%n"
                    + "round       %d%n", s.path("height").asLong(), s.path("lastBlockHash").asText(),
                    s.path("lastProposer").asText(), s.path("validators").size(), s.path("mempoolSize").asInt(),
                    s.path("round").asInt());
            return 0;
        }
    }

    /** metanode chain block H. */
    @Command(name = "block", description = "One block: header (PoH segment, VRF proof, anchored checkpoints) and seals.")
    public static final class Block implements Callable<Integer> {
        @Mixin
        HomeOptions homeOptions;

        @Parameters(paramLabel = "HEIGHT", description = "Block height.")
        long height;

        @Override
        public Integer call() {
            System.out.println(Json.pretty(ApiClient.connect(homeOptions.home()).get("/api/v1/chain/blocks/" + height)));
            return 0;
        }
    }
}

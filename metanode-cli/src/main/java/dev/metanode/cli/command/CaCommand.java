package dev.metanode.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.cli.client.ApiClient;
import dev.metanode.cli.options.HomeOptions;
import dev.metanode.cli.options.OutputOptions;
import dev.metanode.core.codec.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The node's local certificate authority, which issues the HTTPS front door's certificates. */
@Command(name = "ca", description = "The node's local certificate authority.", subcommands = CaCommand.Export.class)
public final class CaCommand {
    /** Prints the CA certificate: trust it once and every APP.localhost certificate verifies. */
    @Command(name = "export", description = "Print the CA certificate (PEM) to add to a trust store.")
    public static final class Export implements Callable<Integer> {
        @Mixin
        HomeOptions homeOptions;

        @Mixin
        OutputOptions output;

        @Override
        public Integer call() {
            JsonNode ca = ApiClient.connect(homeOptions.home()).get("/api/v1/ca");
            if (output.json()) {
                System.out.println(Json.pretty(ca));
            } else {
                System.out.print(ca.path("pem").asText());
            }
            return 0;
        }
    }
}

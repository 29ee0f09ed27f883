package dev.metanode.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.cli.client.ApiClient;
import dev.metanode.cli.options.HomeOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Stops an app and forgets it. */
@Command(name = "remove", description = "Stop an app and remove it from the node.")
public final class RemoveCommand implements Callable<Integer> {
    @Mixin
    HomeOptions homeOptions;

    @Parameters(paramLabel = "APP", description = "The app's name.")
    String app;

    @Override
    public Integer call() {
        JsonNode answer = ApiClient.connect(homeOptions.home()).delete("/api/v1/apps/" + app);
        System.out.println("removed " + app + "; receipt " + answer.path("receipt").asText());
        return 0;
    }
}

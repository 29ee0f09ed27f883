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

/** The deployed apps and their state. */
@Command(name = "apps", description = "List deployed apps.")
public final class AppsCommand implements Callable<Integer> {
    @Mixin
    HomeOptions homeOptions;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        JsonNode apps = ApiClient.connect(homeOptions.home()).get("/api/v1/apps").path("apps");
        if (output.json()) {
            System.out.println(Json.pretty(apps));
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode a : apps) {
            rows.add(List.of(a.path("name").asText(), a.path("state").asText(), String.valueOf(a.path("pid").asLong()),
                    String.valueOf(a.path("starts").asInt()), a.path("url").asText(), a.path("command").asText()));
        }
        System.out.print(Text.table(List.of("NAME", "STATE", "PID", "STARTS", "URL", "COMMAND"), rows));
        return 0;
    }
}

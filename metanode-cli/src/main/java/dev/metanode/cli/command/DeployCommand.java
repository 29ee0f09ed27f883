package dev.metanode.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.cli.UserException;
import dev.metanode.cli.client.ApiClient;
import dev.metanode.cli.options.HomeOptions;
import dev.metanode.cli.options.OutputOptions;
import dev.metanode.core.codec.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Deploys the app in DIR (its metanode.yaml says how); the node supervises it from then on. */
@Command(name = "deploy", description = "Deploy the app in DIR (DIR/metanode.yaml names it and its command).")
public final class DeployCommand implements Callable<Integer> {
    @Mixin
    HomeOptions homeOptions;

    @Mixin
    OutputOptions output;

    @Parameters(paramLabel = "DIR", description = "The app directory.")
    Path dir;

    @Override
    public Integer call() {
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw new UserException("no such directory: " + dir);
        }
        if (!Files.exists(abs.resolve("metanode.yaml"))) {
            throw new UserException(dir + " has no metanode.yaml (see examples/hello)");
        }
        JsonNode app = ApiClient.connect(homeOptions.home()).post("/api/v1/apps",
                Json.write(Map.of("dir", abs.toString())).getBytes(StandardCharsets.UTF_8));
        if (output.json()) {
            System.out.println(Json.pretty(app));
            return 0;
        }
        System.out.println("deployed " + app.path("name").asText() + " (" + app.path("state").asText() + ", pid "
                + app.path("pid").asLong() + ")");
        if (!app.path("url").asText().isEmpty()) {
            System.out.println("url      " + app.path("url").asText());
        }
        System.out.println("receipt  " + app.path("receipt").asText());
        return 0;
    }
}

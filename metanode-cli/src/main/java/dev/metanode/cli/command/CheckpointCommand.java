package dev.metanode.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.cli.UserException;
import dev.metanode.cli.client.ApiClient;
import dev.metanode.cli.options.HomeOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Prints (or saves) the latest signed checkpoint: a C2SP signed note anyone can keep to check growth later. */
@Command(name = "checkpoint", description = "Print or save the log's latest signed checkpoint.")
public final class CheckpointCommand implements Callable<Integer> {
    @Mixin
    HomeOptions homeOptions;

    @Option(names = "--out", paramLabel = "FILE", description = "Save it to FILE instead of printing it.")
    Path out;

    @Override
    public Integer call() {
        JsonNode cp = ApiClient.connect(homeOptions.home()).get("/api/v1/checkpoint").path("checkpoint");
        if (cp.isNull() || cp.isMissingNode()) {
            throw new UserException("the log has no checkpoint yet");
        }
        String note = cp.path("note").asText();
        if (out == null) {
            System.out.print(note);
            return 0;
        }
        try {
            Files.writeString(out, note);
        } catch (IOException e) {
            throw new UserException("cannot write " + out + ": " + e.getMessage());
        }
        System.out.println("saved the checkpoint at size " + cp.path("size").asLong() + " to " + out);
        return 0;
    }
}

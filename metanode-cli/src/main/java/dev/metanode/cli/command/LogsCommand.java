package dev.metanode.cli.command;

import dev.metanode.cli.client.ApiClient;
import dev.metanode.cli.options.HomeOptions;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** An app's output; -f keeps following it. */
@Command(name = "logs", description = "Show an app's output (the last 64 KiB); -f follows it.")
public final class LogsCommand implements Callable<Integer> {
    @Mixin
    HomeOptions homeOptions;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new output until interrupted.")
    boolean follow;

    @Parameters(paramLabel = "APP", description = "The app's name.")
    String app;

    @Override
    public Integer call() {
        ApiClient client = ApiClient.connect(homeOptions.home());
        if (!follow) {
            byte[] tail = client.getBytes("/api/v1/apps/" + app + "/logs");
            System.out.write(tail, 0, tail.length);
            System.out.flush();
            return 0;
        }
        client.stream("GET", "/api/v1/apps/" + app + "/logs?follow=true", null, event -> {
            byte[] bytes = Base64.getDecoder().decode(event.path("b64").asText());
            System.out.write(bytes, 0, bytes.length);
            System.out.flush();
        });
        return 0;
    }
}

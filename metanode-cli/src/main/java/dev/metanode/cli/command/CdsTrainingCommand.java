package dev.metanode.cli.command;

import dev.metanode.cli.Main;
import dev.metanode.core.codec.Json;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Loads what CLI commands load (the full command tree, JSON, an HTTP connection) so that
 * bin/metanode can record it in a class-data archive once per build; every later command then
 * starts from the archive. Does nothing visible.
 */
@Command(name = "cds-training", hidden = true)
public final class CdsTrainingCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        Main.buildAll().getUsageMessage();
        Json.pretty(Json.parse("{\"a\":[1,2,{\"b\":\"c\"}]}"));
        try {
            HttpURLConnection conn = (HttpURLConnection) URI.create("http://127.0.0.1:9/healthz").toURL().openConnection();
            conn.setConnectTimeout(200);
            conn.getResponseCode();
        } catch (IOException expected) {
            // nothing listens on port 9: the classes are loaded, which is the point
        }
        Text.table(java.util.List.of("A"), java.util.List.of(java.util.List.of("b")));
        return 0;
    }
}

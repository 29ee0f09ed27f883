package dev.metanode.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.cli.home.NodeHome;
import dev.metanode.core.codec.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

/** run/daemon.json, if a live daemon wrote it (a stale file from a killed daemon is ignored). */
public final class DaemonInfo {
    private DaemonInfo() {}

    public static Optional<JsonNode> read(NodeHome home) {
        try {
            JsonNode info = Json.parse(Files.readAllBytes(home.daemonInfo()));
            long pid = info.path("pid").asLong(-1);
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return alive ? Optional.of(info) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

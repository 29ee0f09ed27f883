package dev.metanode.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.core.codec.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** Raw HTTP against a running node, for what the CLI would never send (wrong tokens, bursts). */
final class ApiClientSide {
    private ApiClientSide() {}

    static String url(Path home) throws IOException {
        return Json.parse(Files.readAllBytes(home.resolve("run/daemon.json"))).path("url").asText();
    }

    static long pid(Path home) throws IOException {
        return Json.parse(Files.readAllBytes(home.resolve("run/daemon.json"))).path("pid").asLong();
    }

    static String token(Path home) throws IOException {
        return Files.readString(home.resolve("api.token")).trim();
    }

    /** Status code and JSON body of a GET with the given bearer token (null: none). */
    record Answer(int status, JsonNode body) {}

    static Answer get(String url, String token) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) URI.create(url).toURL().openConnection();
        conn.setConnectTimeout(2_000);
        conn.setReadTimeout(10_000);
        if (token != null) {
            conn.setRequestProperty("Authorization", "Bearer " + token);
        }
        int status = conn.getResponseCode();
        try (InputStream in = status >= 400 ? conn.getErrorStream() : conn.getInputStream()) {
            return new Answer(status, Json.parse(in.readAllBytes()));
        } finally {
            conn.disconnect();
        }
    }
}

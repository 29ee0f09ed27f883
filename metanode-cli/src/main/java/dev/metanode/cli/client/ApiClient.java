package dev.metanode.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.cli.UserException;
import dev.metanode.cli.home.NodeHome;
import dev.metanode.core.codec.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;

/**
 * The CLI's only way into a node: HTTP to the daemon's API with the token from the home.
 * HttpURLConnection rather than HttpClient because it starts faster, and the CLI is short-lived.
 */
public final class ApiClient {
    private static final int CONNECT_TIMEOUT_MS = 2_000;
    private static final int READ_TIMEOUT_MS = 120_000;

    private final NodeHome home;
    private final String baseUrl;
    private final String token;

    private ApiClient(NodeHome home, String baseUrl, String token) {
        this.home = home;
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** A client for the node running with this home; a clear error if none is. */
    public static ApiClient connect(NodeHome home) {
        JsonNode info = DaemonInfo.read(home)
                .orElseThrow(() -> new UserException("no node is running with home " + home.root()
                        + " (start one with: metanode start)"));
        try {
            String token = Files.readString(home.apiToken()).trim();
            return new ApiClient(home, info.path("url").asText(), token);
        } catch (NoSuchFileException e) {
            throw new UserException("no API token at " + home.apiToken());
        } catch (IOException e) {
            throw new UserException("cannot read the API token " + home.apiToken() + ": " + e.getMessage());
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    public JsonNode get(String path) {
        return Json.parse(request("GET", path));
    }

    public byte[] getBytes(String path) {
        return request("GET", path);
    }

    public JsonNode post(String path, byte[] body) {
        return Json.parse(send("POST", path, body));
    }

    public JsonNode delete(String path) {
        return Json.parse(send("DELETE", path, null));
    }

    /** Sends a request whose answer is NDJSON events, handing each to {@code onEvent} as it arrives. */
    public void stream(String method, String path, byte[] body, java.util.function.Consumer<JsonNode> onEvent) {
        HttpURLConnection conn = null;
        try {
            conn = open(method, path, body);
            conn.setReadTimeout(0);
            int status = conn.getResponseCode();
            if (status >= 400) {
                InputStream err = conn.getErrorStream();
                throw new UserException(errorText(status, err == null ? new byte[0] : err.readAllBytes()));
            }
            try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(conn.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isBlank()) {
                        onEvent.accept(Json.parse(line));
                    }
                }
            }
        } catch (ConnectException e) {
            throw new UserException("the node at " + baseUrl + " does not answer (is it running? try: metanode start)");
        } catch (IOException e) {
            throw new UserException("talking to the node at " + baseUrl + " failed: " + e.getMessage());
        } finally {
            if (conn != null) {
                conn.disconnect();
            }
        }
    }

    private HttpURLConnection open(String method, String path, byte[] body) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) URI.create(baseUrl + path).toURL().openConnection();
        conn.setRequestMethod(method);
        conn.setConnectTimeout(CONNECT_TIMEOUT_MS);
        conn.setReadTimeout(READ_TIMEOUT_MS);
        conn.setRequestProperty("Authorization", "Bearer " + token);
        if (body != null) {
            conn.setDoOutput(true);
            conn.setRequestProperty("Content-Type", "application/json");
            conn.getOutputStream().write(body);
        }
        return conn;
    }

    private byte[] request(String method, String path) {
        return send(method, path, null);
    }

    private byte[] send(String method, String path, byte[] body) {
        HttpURLConnection conn = null;
        try {
            conn = open(method, path, body);
            int status = conn.getResponseCode();
            InputStream in = status >= 400 ? conn.getErrorStream() : conn.getInputStream();
            byte[] bytes = in == null ? new byte[0] : in.readAllBytes();
            if (status >= 400) {
                throw new UserException(errorText(status, bytes));
            }
            return bytes;
        } catch (ConnectException e) {
            throw new UserException("the node at " + baseUrl + " does not answer (is it running? try: metanode start)");
        } catch (IOException e) {
            throw new UserException("talking to the node at " + baseUrl + " failed: " + e.getMessage());
        } finally {
            if (conn != null) {
                conn.disconnect();
            }
        }
    }

    private static String errorText(int status, byte[] body) {
        try {
            JsonNode node = Json.parse(body);
            if (node.hasNonNull("error")) {
                return node.get("error").asText();
            }
        } catch (IllegalArgumentException e) {
            // not JSON: fall through to the status line
        }
        return "the node answered HTTP " + status;
    }

    public NodeHome home() {
        return home;
    }
}

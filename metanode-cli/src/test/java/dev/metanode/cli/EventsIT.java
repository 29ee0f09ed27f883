package dev.metanode.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.core.codec.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real node streams its events on the front door's /ws: deploying the sample app shows up as an
 * app event and receipts, and the chain's blocks (which anchor the receipts' checkpoint) follow.
 */
class EventsIT {
    private static final long EVENT_WAIT_MS = 60_000;

    @TempDir
    Path tmp;
    private MetanodeProcess metanode;

    @AfterEach
    void stop() throws Exception {
        if (metanode != null) {
            metanode.run("stop");
        }
    }

    @Test
    void deployingTheSampleAppIsStreamedToAViewer() throws Exception {
        Path home = tmp.resolve("home");
        int httpPort = KeysIT.freePort();
        metanode = new MetanodeProcess(home);
        metanode.ok("start", "--api-port", "0", "--http-port", Integer.toString(httpPort));
        String viewer = Json.parse(metanode.ok("keys", "create", "--role", "viewer", "-o", "json").out())
                .path("token").asText();

        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + viewer)
                .buildAsync(URI.create("ws://localhost:" + httpPort + "/ws?types=app,receipt,block"), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            frames.add(text.toString());
                            text.setLength(0);
                        }
                        socket.request(1);
                        return null;
                    }
                }).join();
        try {
            metanode.ok("deploy", MetanodeProcess.sampleApp(tmp, KeysIT.freePort()).toString());
            List<JsonNode> seen = new ArrayList<>();
            JsonNode app = await(frames, seen, e -> e.path("type").asText().equals("app"));
            assertEquals("hello", app.path("body").path("app").asText(), app.toString());
            assertEquals("deploy", app.path("body").path("change").asText(), app.toString());
            assertTrue(app.path("body").path("receipt").asText().startsWith("rx_"), app.toString());
            assertTrue(seen.stream().anyMatch(e -> e.path("type").asText().equals("receipt")
                    && e.path("body").path("operation").asText().equals("app.deploy")), seen.toString());
            JsonNode block = await(frames, seen, e -> e.path("type").asText().equals("block"));
            assertTrue(block.path("body").path("height").asLong() >= 1, block.toString());
            assertEquals(64, block.path("body").path("hash").asText().length(), block.toString());
            for (int i = 1; i < seen.size(); i++) {
                assertTrue(seen.get(i).path("seq").asLong() > seen.get(i - 1).path("seq").asLong(), seen.toString());
            }
        } finally {
            ws.abort();
        }
    }

    private static JsonNode await(BlockingQueue<String> frames, List<JsonNode> seen, Predicate<JsonNode> wanted)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + EVENT_WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            String frame = frames.poll(deadline - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                break;
            }
            JsonNode event = Json.parse(frame);
            seen.add(event);
            if (wanted.test(event)) {
                return event;
            }
        }
        throw new AssertionError("no such event within " + EVENT_WAIT_MS + " ms; seen: " + seen);
    }
}

package dev.metanode.cli.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.codec.Json;
import dev.metanode.core.event.Event;
import dev.metanode.core.event.EventBus;
import dev.metanode.core.kernel.Clock;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** GET /api/v1/events on the real event bus: the stream's lines, its filter, its subscriber limit and its end. */
class EventRoutesTest {
    private static final long WAIT_MS = 5_000;

    /** The client side of a stream: complete lines as they are written; closing it makes the next write fail. */
    private static final class Client extends OutputStream {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private volatile boolean gone;

        @Override
        public synchronized void write(int b) throws IOException {
            if (gone) {
                throw new IOException("client went away");
            }
            if (b == '\n') {
                lines.add(partial.toString());
                partial.setLength(0);
            } else {
                partial.append((char) b);
            }
        }

        @Override
        public void close() {
            gone = true;
        }

        String next() throws InterruptedException {
            String line = lines.poll(WAIT_MS, TimeUnit.MILLISECONDS);
            if (line == null) {
                throw new AssertionError("no line within " + WAIT_MS + " ms");
            }
            return line;
        }
    }

    private static Thread streamInBackground(ApiResponse response, Client client) {
        return Thread.ofVirtual().start(() -> {
            try {
                response.streamer().write(client);
            } catch (IOException expected) {
                // the client went away: the stream ends
            }
        });
    }

    private static ApiRequest get(Map<String, String> query) {
        return new ApiRequest("GET", "/api/v1/events", query, List.of(), new byte[0], "127.0.0.1");
    }

    private static void awaitSubscribers(EventBus bus, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (bus.subscriberCount() != count) {
            assertTrue(System.currentTimeMillis() < deadline, "subscribers: " + bus.subscriberCount());
            Thread.sleep(5);
        }
    }

    @Test
    void filteredEventsArriveAsTheSameJsonAsOnWsAndTheSubscriptionEndsWithTheClient() throws Exception {
        EventBus bus = new EventBus(Clock.SYSTEM);
        ApiResponse response = new EventRoutes(bus).events(get(Map.of("types", "receipt,app")));
        assertEquals("application/x-ndjson", response.contentType());
        Client client = new Client();
        Thread stream = streamInBackground(response, client);
        awaitSubscribers(bus, 1);
        bus.publish(Event.RECEIPT, Map.of("id", "rx_1", "kind", "action", "operation", "app.deploy"));
        bus.publish(Event.BLOCK, Map.of("height", 7));
        bus.publish(Event.APP, Map.of("app", "hello", "change", "deploy", "receipt", "rx_1"));
        String first = client.next();
        assertEquals("receipt", Json.parse(first).path("type").asText(), first);
        assertEquals("rx_1", Json.parse(first).path("body").path("id").asText(), first);
        assertEquals(List.of("type", "seq", "ts", "body"), fieldNames(first));
        String second = client.next();
        assertEquals("app", Json.parse(second).path("type").asText(), "the block was filtered out: " + second);
        assertEquals(3, Json.parse(second).path("seq").asLong(), second);

        client.close();
        bus.publish(Event.RECEIPT, Map.of("id", "rx_2", "kind", "action", "operation", "node.stop"));
        stream.join(WAIT_MS);
        assertEquals(0, bus.subscriberCount(), "a client that went away leaves no subscription behind");
    }

    @Test
    void aFilterThatWsWouldRefuseIsRefusedHereToo() {
        EventRoutes routes = new EventRoutes(new EventBus(Clock.SYSTEM));
        assertThrows(IllegalArgumentException.class, () -> routes.events(get(Map.of("types", "receipt,bogus"))));
        assertThrows(IllegalArgumentException.class, () -> routes.events(get(Map.of("colour", "red"))));
        assertThrows(IllegalArgumentException.class, () -> routes.events(get(Map.of("app", "no spaces"))));
        assertThrows(IllegalArgumentException.class, () -> routes.events(get(Map.of("x&types", "receipt"))));
    }

    @Test
    void aFullFeedIsOneErrorLine() throws Exception {
        EventBus bus = new EventBus(Clock.SYSTEM, 1, 16);
        try (var taken = bus.subscribe(dev.metanode.core.event.EventFilter.ALL)) {
            Client client = new Client();
            Thread stream = streamInBackground(new EventRoutes(bus).events(get(Map.of())), client);
            stream.join(WAIT_MS);
            String line = client.next();
            assertTrue(Json.parse(line).path("error").asText().contains("too many event subscribers"), line);
            assertEquals(1, bus.subscriberCount());
        }
    }

    private static List<String> fieldNames(String json) {
        List<String> names = new java.util.ArrayList<>();
        Json.parse(json.getBytes(StandardCharsets.UTF_8)).fieldNames().forEachRemaining(names::add);
        return names;
    }
}

package dev.metanode.httpcage.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.metanode.core.event.Event;
import dev.metanode.core.event.EventBus;
import dev.metanode.core.kernel.Clock;
import dev.metanode.httpcage.CageFixture;
import dev.metanode.httpcage.CageLimits;
import dev.metanode.httpcage.TestApp;
import dev.metanode.httpcage.auth.Role;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** /ws on a real cage on loopback, read with the JDK's WebSocket client. */
class EventSocketTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Collects text frames; asks for one more only when {@code eager}. */
    static final class Collector implements WebSocket.Listener {
        final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        final boolean eager;
        private final StringBuilder partial = new StringBuilder();

        Collector(boolean eager) {
            this.eager = eager;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            if (eager) {
                ws.request(1);
            }
            return null;
        }

        String next() throws InterruptedException {
            String frame = frames.poll(10, TimeUnit.SECONDS);
            if (frame == null) {
                fail("no event within 10 s");
            }
            return frame;
        }
    }

    private static WebSocket connect(CageFixture fx, String query, String token, Collector collector) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.buildAsync(URI.create("ws://localhost:" + fx.port() + "/ws" + query), collector).join();
    }

    private static int refusedStatus(CageFixture fx, String token) {
        try {
            connect(fx, "", token, new Collector(true));
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
        throw new AssertionError("connection was accepted");
    }

    @Test
    void viewerReceivesFilteredEventsAndNoKeyIs401() throws Exception {
        EventBus bus = new EventBus(Clock.SYSTEM);
        try (TestApp daemon = new TestApp("daemon");
                CageFixture fx = new CageFixture(CageLimits.DEFAULTS, OptionalInt.of(daemon.port()), b -> b.events(bus))) {
            String viewer = fx.cage.apiKeys().create(Role.VIEWER, "dashboard").token();
            Collector collector = new Collector(true);
            WebSocket ws = connect(fx, "?types=receipt", viewer, collector);
            bus.publish(Event.BLOCK, Map.of("height", 1L, "hash", "ab", "txs", 0L));
            bus.publish(Event.RECEIPT, Map.of("id", "r1", "kind", "deploy", "app", "shop"));
            String frame = collector.next();
            assertTrue(frame.startsWith("{\"type\":\"receipt\",\"seq\":2,\"ts\":\""), frame);
            assertTrue(frame.contains("\"id\":\"r1\""), frame);
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
            assertEquals(401, refusedStatus(fx, null));
            assertEquals(0, daemon.requests.get(), "/ws never reaches the daemon");
        }
    }

    @Test
    void subscriberLimitIsEnforced() throws Exception {
        EventBus bus = new EventBus(Clock.SYSTEM, 1, 8);
        try (TestApp daemon = new TestApp("daemon");
                CageFixture fx = new CageFixture(CageLimits.DEFAULTS, OptionalInt.of(daemon.port()), b -> b.events(bus))) {
            String viewer = fx.cage.apiKeys().create(Role.VIEWER, "dashboard").token();
            connect(fx, "", viewer, new Collector(true));
            assertEquals(503, refusedStatus(fx, viewer));
        }
    }

    @Test
    void slowSubscriberGetsLaggedAndThePublisherIsNotBlocked() throws Exception {
        EventBus bus = new EventBus(Clock.SYSTEM, 4, 16);
        try (TestApp daemon = new TestApp("daemon");
                CageFixture fx = new CageFixture(CageLimits.DEFAULTS, OptionalInt.of(daemon.port()), b -> b.events(bus))) {
            String viewer = fx.cage.apiKeys().create(Role.VIEWER, "dashboard").token();
            Collector slow = new Collector(false);
            WebSocket ws = connect(fx, "", viewer, slow);
            long start = System.nanoTime();
            String padding = "x".repeat(200);
            for (int i = 0; i < 200_000; i++) {
                bus.publish(Event.BLOCK, Map.of("height", (long) i, "hash", padding));
            }
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "publisher was slowed");
            boolean lagged = false;
            for (int i = 0; i < 10_000 && !lagged; i++) {
                ws.request(1);
                lagged = slow.next().contains("\"type\":\"lagged\"");
            }
            assertTrue(lagged, "no lagged event");
        }
    }

    @Test
    void hostileFramesCloseTheSocketCleanly() throws Exception {
        EventBus bus = new EventBus(Clock.SYSTEM);
        Random random = new Random(20261203);
        try (TestApp daemon = new TestApp("daemon");
                CageFixture fx = new CageFixture(CageLimits.DEFAULTS, OptionalInt.of(daemon.port()), b -> b.events(bus))) {
            String viewer = fx.cage.apiKeys().create(Role.VIEWER, "dashboard").token();
            for (int round = 0; round < 40; round++) {
                try (Socket socket = new Socket("127.0.0.1", fx.port())) {
                    socket.setSoTimeout(15_000);
                    OutputStream out = socket.getOutputStream();
                    out.write(("GET /ws HTTP/1.1\r\nHost: localhost:" + fx.port() + "\r\nAuthorization: Bearer " + viewer
                            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                            + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(hostileFrame(random, round));
                    out.flush();
                    InputStream in = socket.getInputStream();
                    byte[] buffer = new byte[4096];
                    while (in.read(buffer) >= 0) {
                        // drain until the cage closes the connection
                    }
                } catch (java.net.SocketException reset) {
                    // a reset is a clean enough close for hostile input
                }
            }
            // The client sees the close before the cage's channelInactive has run: give it a moment.
            for (int i = 0; i < 100 && bus.subscriberCount() > 0; i++) {
                Thread.sleep(50);
            }
            assertEquals(0, bus.subscriberCount(), "every hostile socket was closed and unsubscribed");
            Collector collector = new Collector(true);
            connect(fx, "", viewer, collector);
            bus.publish(Event.APP, Map.of("app", "shop", "state", "deployed"));
            assertTrue(collector.next().contains("\"deployed\""), "the cage still serves /ws");
        }
    }

    /** Binary, oversized, unmasked, reserved-opcode or random frames; always followed by garbage. */
    private static byte[] hostileFrame(Random random, int round) {
        byte[] frame;
        switch (round % 4) {
            case 0 -> frame = new byte[] {(byte) 0x82, (byte) 0x81, 1, 2, 3, 4, 5}; // masked binary
            case 1 -> frame = new byte[] {(byte) 0x81, (byte) 0xFF, 0, 0, 0, 0, 0x7F, 0, 0, 0}; // huge length
            case 2 -> frame = new byte[] {(byte) 0x83, 0x00}; // reserved opcode, unmasked
            default -> {
                frame = new byte[1 + random.nextInt(300)];
                random.nextBytes(frame);
            }
        }
        // Whatever state the random bytes leave the decoder in, a run of 0x82 ends it: it fills any
        // pending payload, then reads as masked binary frames, which the socket refuses.
        byte[] garbage = new byte[2048];
        java.util.Arrays.fill(garbage, (byte) 0x82);
        byte[] all = new byte[frame.length + garbage.length];
        System.arraycopy(frame, 0, all, 0, frame.length);
        System.arraycopy(garbage, 0, all, frame.length, garbage.length);
        return all;
    }
}

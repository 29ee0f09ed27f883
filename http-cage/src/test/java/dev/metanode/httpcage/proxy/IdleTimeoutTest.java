package dev.metanode.httpcage.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.httpcage.CageFixture;
import dev.metanode.httpcage.CageLimits;
import dev.metanode.httpcage.RawApp;
import dev.metanode.httpcage.RawClient;
import dev.metanode.httpcage.TestApp;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The idle timeout closes keep-alive connections with nothing in flight, and only those. */
class IdleTimeoutTest {
    private static final long IDLE_MS = 300;
    private static final long SLOW_APP_MS = 900;
    private TestApp hello;
    private RawApp slow;
    private CageFixture fx;

    @BeforeEach
    void start() throws Exception {
        hello = new TestApp("hello");
        slow = new RawApp(IdleTimeoutTest::answerLate);
        fx = new CageFixture(CageLimits.DEFAULTS.withIdleTimeoutMs(IDLE_MS).withRequestTimeMaxMs(5_000));
        fx.apps.put("hello", hello.port());
        fx.apps.put("slow", slow.port());
    }

    /** Reads one request head, waits longer than the idle timeout, then answers. */
    private static void answerLate(Socket s) {
        try {
            InputStream in = s.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                head.write(b);
            }
            Thread.sleep(SLOW_APP_MS);
            s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nlate".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
        } catch (Exception e) {
            // the cage went away
        }
    }

    @AfterEach
    void stop() throws Exception {
        fx.close();
        hello.close();
        slow.close();
    }

    @Test
    void aKeepAliveConnectionWithNothingInFlightIsClosedAfterTheIdleTimeout() throws Exception {
        try (RawClient c = new RawClient(fx.port())) {
            assertEquals(200, c.get(fx.host("hello"), "/").status());
            long start = System.nanoTime();
            assertTrue(c.closedByServer(), "the idle connection stayed open");
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms >= IDLE_MS - 50 && ms < 3_000, "closed after " + ms + " ms");
        }
    }

    @Test
    void anExchangeInFlightLongerThanTheIdleTimeoutIsNotCutOff() throws Exception {
        try (RawClient c = new RawClient(fx.port())) {
            RawClient.Response r = c.get(fx.host("slow"), "/");
            assertEquals(200, r.status());
            assertEquals("late", r.body());
        }
    }

    @Test
    void requestsCloserTogetherThanTheTimeoutKeepTheConnection() throws Exception {
        try (RawClient c = new RawClient(fx.port())) {
            for (int i = 0; i < 5; i++) {
                assertEquals(200, c.get(fx.host("hello"), "/" + i).status(), "request " + i);
                Thread.sleep(IDLE_MS / 2); // together well past the timeout, each gap within it
            }
        }
        assertEquals(1, hello.clientPorts.size(), "the cage kept one connection to the app");
    }
}

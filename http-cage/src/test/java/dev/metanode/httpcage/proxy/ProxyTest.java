package dev.metanode.httpcage.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.httpcage.CageFixture;
import dev.metanode.httpcage.CageLimits;
import dev.metanode.httpcage.RawClient;
import dev.metanode.httpcage.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProxyTest {
    private static final CageLimits LIMITS = CageLimits.DEFAULTS.withHeaderBytesMax(1024).withBodyBytesMax(1000)
            .withHeadersTimeoutMs(300);
    private TestApp hello;
    private TestApp other;
    private CageFixture fx;

    @BeforeEach
    void start() throws Exception {
        hello = new TestApp("hello");
        other = new TestApp("other");
        fx = new CageFixture(LIMITS);
        fx.apps.put("hello", hello.port());
        fx.apps.put("other", other.port());
    }

    @AfterEach
    void stop() throws Exception {
        fx.close();
        hello.close();
        other.close();
    }

    @Test
    void routesByHostToTheAppsLoopbackPort() throws Exception {
        try (RawClient c = new RawClient(fx.port())) {
            RawClient.Response r = c.get(fx.host("hello"), "/greet?x=1");
            assertEquals(200, r.status());
            assertEquals("hello GET /greet 0 null", r.body());
        }
        try (RawClient c = new RawClient(fx.port())) {
            assertEquals("other GET /a 0 null", c.get("OTHER.localhost", "/a").body());
        }
    }

    @Test
    void unknownHostIs404Json() throws Exception {
        try (RawClient c = new RawClient(fx.port())) {
            RawClient.Response r = c.get(fx.host("nobody"), "/");
            assertEquals(404, r.status());
            assertEquals("application/json", r.headers().get("content-type"));
            assertTrue(r.body().contains("\"unknown.host\""), r.body());
        }
        try (RawClient c = new RawClient(fx.port())) {
            assertEquals(404, c.get("example.com", "/").status());
        }
    }

    @Test
    void oversizedHeaderIs431() throws Exception {
        try (RawClient c = new RawClient(fx.port())) {
            c.send("GET / HTTP/1.1\r\nHost: " + fx.host("hello") + "\r\nX-Big: " + "a".repeat(2000) + "\r\n\r\n");
            assertEquals(431, c.read().status());
        }
        assertEquals(0, hello.requests.get());
    }

    @Test
    void oversizedBodyIs413DeclaredOrChunked() throws Exception {
        try (RawClient c = new RawClient(fx.port())) {
            c.send("POST / HTTP/1.1\r\nHost: " + fx.host("hello") + "\r\nContent-Length: 5000\r\n\r\n");
            assertEquals(413, c.read().status());
        }
        try (RawClient c = new RawClient(fx.port())) {
            c.send("POST / HTTP/1.1\r\nHost: " + fx.host("hello") + "\r\nTransfer-Encoding: chunked\r\n\r\n");
            String chunk = Integer.toHexString(600) + "\r\n" + "b".repeat(600) + "\r\n";
            c.send(chunk).send(chunk);
            assertEquals(413, c.read().status());
        }
    }

    @Test
    void bodyUnderTheLimitIsStreamedThrough() throws Exception {
        try (RawClient c = new RawClient(fx.port())) {
            c.send("POST /up HTTP/1.1\r\nHost: " + fx.host("hello") + "\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "3\r\nabc\r\n4\r\ndefg\r\n0\r\n\r\n");
            assertEquals("hello POST /up 7 null", c.read().body());
        }
    }

    @Test
    void slowHeadersAreCutOffWith408() throws Exception {
        try (RawClient c = new RawClient(fx.port())) {
            long start = System.nanoTime();
            c.send("GET / HTTP/1.1\r\nHost: " + fx.host("hello") + "\r\n");
            Thread.sleep(100);
            c.send("X-Slow: 1\r\n");
            assertEquals(408, c.read().status());
            assertTrue(c.closedByServer());
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms >= 250 && ms < 3000, "cut off after " + ms + " ms");
        }
        assertEquals(0, hello.requests.get());
    }

    @Test
    void contentLengthWithTransferEncodingIsRefused() throws Exception {
        try (RawClient c = new RawClient(fx.port())) {
            c.send("POST / HTTP/1.1\r\nHost: " + fx.host("hello") + "\r\nContent-Length: 4\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(400, c.read().status());
            assertTrue(c.closedByServer());
        }
        try (RawClient c = new RawClient(fx.port())) {
            c.send("POST / HTTP/1.1\r\nHost: " + fx.host("hello") + "\r\nTransfer-Encoding: gzip, chunked\r\n\r\n");
            assertEquals(400, c.read().status());
        }
        try (RawClient c = new RawClient(fx.port())) {
            c.send("POST / HTTP/1.1\r\nHost: " + fx.host("hello") + "\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab");
            assertEquals(400, c.read().status());
        }
        assertEquals(0, hello.requests.get());
    }

    @Test
    void keepAliveReusesBothConnections() throws Exception {
        try (RawClient c = new RawClient(fx.port())) {
            for (int i = 0; i < 5; i++) {
                RawClient.Response r = c.get(fx.host("hello"), "/n" + i);
                assertEquals("hello GET /n" + i + " 0 null", r.body());
            }
        }
        assertEquals(5, hello.requests.get());
        assertEquals(1, hello.clientPorts.size(), "the cage kept one connection to the app");
    }

    @Test
    void oneClientConnectionCanMoveBetweenApps() throws Exception {
        try (RawClient c = new RawClient(fx.port())) {
            assertEquals("hello GET /a 0 null", c.get(fx.host("hello"), "/a").body());
            assertEquals("other GET /b 0 null", c.get(fx.host("other"), "/b").body());
            assertEquals("hello GET /c 0 null", c.get(fx.host("hello"), "/c").body());
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        try (RawClient c = new RawClient(fx.port())) {
            String host = fx.host("hello");
            c.send("GET /1 HTTP/1.1\r\nHost: " + host + "\r\n\r\nGET /2 HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
            assertEquals("hello GET /1 0 null", c.read().body());
            assertEquals("hello GET /2 0 null", c.read().body());
        }
    }
}

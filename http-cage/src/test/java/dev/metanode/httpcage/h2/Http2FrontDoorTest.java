package dev.metanode.httpcage.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.httpcage.CageFixture;
import dev.metanode.httpcage.CageLimits;
import dev.metanode.httpcage.CageReceipts;
import dev.metanode.httpcage.H2Client;
import dev.metanode.httpcage.RawClient;
import dev.metanode.httpcage.TestApp;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP/2 with prior knowledge on the plain loopback listener: streams are proxied to HTTP/1.1 apps. */
class Http2FrontDoorTest {
    private static final CageLimits LIMITS = CageLimits.DEFAULTS.withHeaderBytesMax(1024).withBodyBytesMax(64 * 1024);
    private TestApp hello;
    private TestApp daemon;
    private CageFixture fx;

    @BeforeEach
    void start() throws Exception {
        hello = new TestApp("hello");
        daemon = new TestApp("daemon");
        fx = new CageFixture(LIMITS, OptionalInt.of(daemon.port()), b -> b);
        fx.apps.put("hello", hello.port());
    }

    @AfterEach
    void stop() throws Exception {
        fx.close();
        hello.close();
        daemon.close();
    }

    @Test
    void getOverH2cReachesTheApp() throws Exception {
        try (H2Client c = new H2Client(fx.port(), null, null)) {
            H2Client.Response r = c.get(fx.host("hello"), "/greet?x=1", Map.of());
            assertEquals(200, r.status());
            assertEquals("hello GET /greet 0 null", r.body());
            assertFalse(r.headers().containsKey("connection"), "no connection-specific header in an h2 response");
        }
    }

    @Test
    void postBodyIsStreamedToTheApp() throws Exception {
        try (H2Client c = new H2Client(fx.port(), null, null)) {
            H2Client.Response r = c.send(HttpMethod.POST, fx.host("hello"), "/in", Map.of(), new byte[10_000]);
            assertEquals(200, r.status());
            assertEquals("hello POST /in 10000 null", r.body());
        }
    }

    @Test
    void manyConcurrentStreamsShareOneConnection() throws Exception {
        try (H2Client c = new H2Client(fx.port(), null, null)) {
            List<CompletableFuture<H2Client.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/s" + i,
                        Unpooled.EMPTY_BUFFER);
                request.headers().set("host", fx.host("hello"));
                answers.add(c.sendAsync(request));
            }
            for (int i = 0; i < answers.size(); i++) {
                H2Client.Response r = answers.get(i).get(20, TimeUnit.SECONDS);
                assertEquals(200, r.status());
                assertEquals("hello GET /s" + i + " 0 null", r.body());
            }
            assertTrue(c.isOpen());
        }
        assertEquals(60, hello.requests.get());
    }

    @Test
    void apiWithoutKeyIs401OverH2() throws Exception {
        try (H2Client c = new H2Client(fx.port(), null, null)) {
            H2Client.Response r = c.get("localhost:" + fx.port(), "/api/v1/status", Map.of());
            assertEquals(401, r.status());
            assertEquals(0, daemon.requests.get());
            // the connection survives a refused stream
            assertEquals(200, c.get(fx.host("hello"), "/", Map.of()).status());
        }
    }

    @Test
    void aKeyWithoutTheRouteRoleIs403OverH2AndOneWithItPasses() throws Exception {
        var viewer = fx.cage.apiKeys().create(dev.metanode.httpcage.auth.Role.VIEWER, "h2-viewer");
        var auditor = fx.cage.apiKeys().create(dev.metanode.httpcage.auth.Role.AUDITOR, "h2-auditor");
        try (H2Client c = new H2Client(fx.port(), null, null)) {
            String api = "localhost:" + fx.port();
            H2Client.Response refused = c.get(api, "/api/v1/receipts", Map.of("authorization", "Bearer " + viewer.token()));
            assertEquals(403, refused.status());
            assertEquals(0, daemon.requests.get(), "a refused stream never reaches the daemon");
            H2Client.Response allowed = c.get(api, "/api/v1/receipts", Map.of("authorization", "Bearer " + auditor.token()));
            assertEquals(200, allowed.status());
            assertEquals(1, daemon.requests.get());
        }
    }

    @Test
    void bodyOverTheLimitIs413() throws Exception {
        try (H2Client c = new H2Client(fx.port(), null, null)) {
            H2Client.Response r = c.send(HttpMethod.POST, fx.host("hello"), "/big", Map.of(), new byte[100_000]);
            assertEquals(413, r.status());
            assertTrue(r.body().contains("body too large"), r.body());
            assertEquals(0, hello.requests.get());
        }
    }

    @Test
    void headersOverTheLimitAreRefused() throws Exception {
        try (H2Client c = new H2Client(fx.port(), null, null)) {
            int status;
            try {
                status = c.get(fx.host("hello"), "/", Map.of("x-big", "a".repeat(4000))).status();
            } catch (java.util.concurrent.ExecutionException e) {
                status = -1; // stream reset: refused as well
            }
            assertTrue(status == 431 || status == -1, "status " + status);
        }
        assertEquals(0, hello.requests.get());
    }

    @Test
    void h2ExchangesAreNotarised() throws Exception {
        try (H2Client c = new H2Client(fx.port(), null, null)) {
            assertEquals(200, c.get(fx.host("hello"), "/notarised", Map.of()).status());
        }
        JsonNode record = CageReceipts.exchange(fx, 0);
        assertEquals("hello", record.path("app").asText(), record.toString());
        assertEquals(200, record.path("status").asInt(), record.toString());
        assertTrue(record.toString().contains("/notarised"), record.toString());
    }

    @Test
    void http1StillWorksOnTheSameListener() throws Exception {
        try (RawClient c = new RawClient(fx.port())) {
            RawClient.Response r = c.get(fx.host("hello"), "/one");
            assertEquals(200, r.status());
            assertEquals("hello GET /one 0 null", r.body());
        }
    }
}

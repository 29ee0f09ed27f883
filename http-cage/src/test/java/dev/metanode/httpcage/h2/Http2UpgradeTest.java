package dev.metanode.httpcage.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.httpcage.AppPolicy;
import dev.metanode.httpcage.CageFixture;
import dev.metanode.httpcage.CageLimits;
import dev.metanode.httpcage.CageReceipts;
import dev.metanode.httpcage.H2Wire;
import dev.metanode.httpcage.RawClient;
import dev.metanode.httpcage.TestApp;
import dev.metanode.httpcage.auth.AuthMode;
import dev.metanode.httpcage.auth.AuthPolicy;
import dev.metanode.httpcage.auth.Role;
import dev.metanode.httpcage.policy.DataFlowPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Upgrade: h2c} over real loopback sockets: the JDK's HttpClient (HTTP_2 on an http:// URI
 * upgrades this way) against the API host, and a byte-level client against an app with an auth
 * policy, so that stream 1 and the streams after it are seen on one connection.
 */
class Http2UpgradeTest {
    private TestApp hello;
    private TestApp daemon;
    private CageFixture fx;

    @BeforeEach
    void start() throws Exception {
        hello = new TestApp("hello");
        daemon = new TestApp("daemon");
        fx = new CageFixture(CageLimits.DEFAULTS, OptionalInt.of(daemon.port()), b -> b);
        fx.apps.put("hello", hello.port());
    }

    @AfterEach
    void stop() throws Exception {
        fx.close();
        hello.close();
        daemon.close();
    }

    @Test
    void theJdkClientUpgradesAndStaysOnHttp2() throws Exception {
        String token = fx.cage.apiKeys().create(Role.VIEWER, "jdk-client").token();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        for (String path : new String[] {"/api/v1/status", "/api/v1/apps"}) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(api(path))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(HttpClient.Version.HTTP_2, r.version(), path);
            assertTrue(r.body().startsWith("daemon GET " + path + " 0 key:"), r.body());
        }
        assertEquals(2, daemon.requests.get());
    }

    @Test
    void theUpgradingRequestIsGatedLikeAnyOther() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(api("/api/v1/status"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, r.statusCode(), r.body());
        assertEquals(HttpClient.Version.HTTP_2, r.version());
        assertEquals(0, daemon.requests.get(), "the refusal never reaches the daemon");
    }

    @Test
    void stream1IsRefusedWithoutAKeyAndStream3PassesWithOneAllNotarised() throws Exception {
        fx.cage.policies().set("hello", new AppPolicy(new AuthPolicy(AuthMode.KEY, Role.VIEWER), false,
                DataFlowPolicy.ALLOW_ALL, 0));
        String token = fx.cage.apiKeys().create(Role.VIEWER, "h2c").token();
        try (RawClient c = new RawClient(fx.port())) {
            H2Wire wire = new H2Wire();
            c.send(H2Wire.upgradeRequest(fx.host("hello"), "/private", H2Wire.CURL_SETTINGS, ""));
            RawClient.Response switched = c.read();
            assertEquals(101, switched.status());
            assertEquals("h2c", switched.headers().get("upgrade"));
            c.send(wire.preface());
            H2Wire.Response refused = wire.await(c.in(), 1);
            assertEquals(401, refused.status(), refused.body());
            c.send(wire.get(3, fx.host("hello"), "/private", Map.of("authorization", "Bearer " + token)));
            H2Wire.Response allowed = wire.await(c.in(), 3);
            assertEquals(200, allowed.status(), allowed.body());
            assertTrue(allowed.body().startsWith("hello GET /private 0 key:"), allowed.body());
        }
        assertEquals(1, hello.requests.get(), "only the request with a key reached the app");
        JsonNode first = CageReceipts.exchange(fx, 0);
        assertEquals(401, first.path("status").asInt(), first.toString());
        assertEquals("hello", first.path("app").asText(), first.toString());
        assertEquals("/private", first.path("path").asText(), first.toString());
        assertFalse(first.path("response").path("sha256").isNull(), "the response on stream 1 is digested");
        JsonNode second = CageReceipts.exchange(fx, 1);
        assertEquals(200, second.path("status").asInt(), second.toString());
        assertTrue(second.path("actor").asText().startsWith("key:"), second.toString());
    }

    @Test
    void anUpgradeWithABodyIsAnsweredInHttp11() throws Exception {
        try (RawClient c = new RawClient(fx.port())) {
            c.send("POST /in HTTP/1.1\r\nHost: " + fx.host("hello") + "\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                    + "Upgrade: h2c\r\nHTTP2-Settings: " + H2Wire.CURL_SETTINGS + "\r\nContent-Length: 5\r\n\r\nhello");
            RawClient.Response r = c.read();
            assertEquals(200, r.status());
            assertEquals("hello POST /in 5 null", r.body());
            assertTrue(r.rawHead().startsWith("HTTP/1.1 200 "), r.rawHead());
            assertEquals(200, c.get(fx.host("hello"), "/again").status(), "the connection carries on in HTTP/1.1");
        }
    }

    @Test
    void unreadableSettingsAreAnsweredInHttp11() throws Exception {
        try (RawClient c = new RawClient(fx.port())) {
            c.send(H2Wire.upgradeRequest(fx.host("hello"), "/plain", "not*base64url", ""));
            RawClient.Response r = c.read();
            assertEquals(200, r.status());
            assertEquals("hello GET /plain 0 null", r.body());
            assertFalse(r.headers().containsKey("upgrade"), r.rawHead());
        }
    }

    private URI api(String path) {
        return URI.create("http://localhost:" + fx.port() + path);
    }
}

package dev.metanode.httpcage.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.httpcage.CageFixture;
import dev.metanode.httpcage.CageLimits;
import dev.metanode.httpcage.RawClient;
import dev.metanode.httpcage.TestApp;
import dev.metanode.httpcage.auth.CreatedApiKey;
import dev.metanode.httpcage.auth.Role;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class MetricsAndApiTest {
    private static RawClient.Response api(CageFixture fx, String method, String path, String token) throws Exception {
        try (RawClient c = new RawClient(fx.port())) {
            return c.send(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + fx.port()
                    + "\r\nAuthorization: Bearer " + token + "\r\nContent-Length: 0\r\n\r\n").read();
        }
    }

    @Test
    void apiRoutesNeedTheirRoleAndCageMetricsArePrometheusText() throws Exception {
        try (TestApp daemon = new TestApp("daemon"); TestApp hello = new TestApp("hello");
             CageFixture fx = new CageFixture(CageLimits.DEFAULTS, OptionalInt.of(daemon.port()), b -> b)) {
            fx.apps.put("hello", hello.port());
            CreatedApiKey viewer = fx.cage.apiKeys().create(Role.VIEWER, "dashboard");
            CreatedApiKey auditor = fx.cage.apiKeys().create(Role.AUDITOR, "audit");
            try (RawClient c = new RawClient(fx.port())) {
                assertEquals(200, c.get(fx.host("hello"), "/").status());
            }
            assertEquals("daemon GET /api/v1/status 0 key:" + viewer.info().id(),
                    api(fx, "GET", "/api/v1/status", viewer.token()).body());
            assertEquals(403, api(fx, "GET", "/api/v1/receipts", viewer.token()).status());
            assertEquals(200, api(fx, "GET", "/api/v1/receipts", auditor.token()).status());
            assertEquals(403, api(fx, "POST", "/api/v1/apps", auditor.token()).status());
            assertEquals(400, api(fx, "GET", "/api/v1/status/../keys", viewer.token()).status());
            RawClient.Response metrics = api(fx, "GET", "/cage/metrics", viewer.token());
            assertEquals(200, metrics.status());
            assertTrue(metrics.headers().get("content-type").startsWith("text/plain; version=0.0.4"));
            String text = metrics.body();
            assertTrue(text.contains("metanode_http_requests_total{app=\"hello\",code=\"2xx\"} 1"), text);
            assertTrue(text.contains("metanode_http_denials_total{reason=\"auth.role\"} 2"), text);
            assertTrue(text.contains("metanode_http_request_duration_seconds_bucket{app=\"hello\",le=\"+Inf\"} 1"), text);
            assertTrue(text.contains("# TYPE metanode_http_notary_lag_seconds histogram"), text);
            assertEquals(2, daemon.requests.get(), "refused API calls and /cage/metrics never reached the daemon");
        }
    }
}

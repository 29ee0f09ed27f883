package dev.metanode.httpcage.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.httpcage.AppPolicy;
import dev.metanode.httpcage.CageFixture;
import dev.metanode.httpcage.CageLimits;
import dev.metanode.httpcage.CageReceipts;
import dev.metanode.httpcage.RawClient;
import dev.metanode.httpcage.TestApp;
import dev.metanode.httpcage.auth.AuthPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataFlowTest {
    static final DataFlowPolicy HEALTH_IN_EU = new DataFlowPolicy(List.of(
            new FlowRule("health", "eu", "/", Light.GREEN, false, "health-eu"),
            new FlowRule("health", "*", "/", Light.RED, true, "health-outside-eu"),
            new FlowRule("personal", "*", "/export", Light.RED, false, "no-personal-export"),
            new FlowRule("personal", "*", "/", Light.YELLOW, false, "personal-review")), Light.GREEN);

    @Test
    void firstMatchingRuleDecides() {
        assertEquals(Light.GREEN, HEALTH_IN_EU.evaluate("health", "eu", "/a").light());
        assertEquals(Light.RED, HEALTH_IN_EU.evaluate("health", "us", "/a").light());
        assertEquals(Light.RED, HEALTH_IN_EU.evaluate("health", null, "/a").light());
        assertEquals(Light.YELLOW, HEALTH_IN_EU.evaluate("personal", "eu", "/a").light());
        assertEquals(Light.RED, HEALTH_IN_EU.evaluate("personal", "eu", "/export/all").light());
        assertEquals("default", HEALTH_IN_EU.evaluate(null, null, "/").rule());
    }

    private static RawClient.Response call(CageFixture fx, String path, String dataClass, String region)
            throws Exception {
        try (RawClient c = new RawClient(fx.port())) {
            return c.send("GET " + path + " HTTP/1.1\r\nHost: " + fx.host("records") + "\r\nX-Data-Class: " + dataClass
                    + "\r\nX-Region: " + region + "\r\n\r\n").read();
        }
    }

    @Test
    void greenPassesYellowIsFlaggedRedIsRefusedAndAllAreReceipted() throws Exception {
        try (TestApp app = new TestApp("records"); CageFixture fx = new CageFixture(CageLimits.DEFAULTS)) {
            fx.apps.put("records", app.port());
            fx.cage.policies().set("records", new AppPolicy(AuthPolicy.OPEN, false, HEALTH_IN_EU, 0));
            assertEquals(200, call(fx, "/r", "health", "EU").status());
            assertEquals(200, call(fx, "/r", "personal", "us").status());
            assertEquals(451, call(fx, "/r", "health", "us").status());
            assertEquals(403, call(fx, "/export", "personal", "eu").status());
            assertEquals(2, app.requests.get());
            JsonNode yellow = CageReceipts.exchange(fx, 1).path("policy");
            assertEquals("yellow", yellow.path("flow").asText());
            assertEquals("personal-review", yellow.path("flowRule").asText());
            JsonNode red = CageReceipts.exchange(fx, 2);
            assertEquals(451, red.path("status").asInt());
            assertEquals("red", red.path("policy").path("flow").asText());
            assertEquals("flow.red", red.path("policy").path("refused").asText());
        }
    }
}

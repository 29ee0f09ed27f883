package dev.metanode.httpcage.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.metanode.httpcage.AppPolicy;
import dev.metanode.httpcage.CageFixture;
import dev.metanode.httpcage.CageLimits;
import dev.metanode.httpcage.RawClient;
import dev.metanode.httpcage.TestApp;
import dev.metanode.httpcage.policy.DataFlowPolicy;
import org.junit.jupiter.api.Test;

class AuthGateTest {
    private static RawClient.Response call(CageFixture fx, String token) throws Exception {
        try (RawClient c = new RawClient(fx.port())) {
            String auth = token == null ? "" : "Authorization: Bearer " + token + "\r\n";
            return c.send("GET /x HTTP/1.1\r\nHost: " + fx.host("secure") + "\r\n" + auth + "\r\n").read();
        }
    }

    @Test
    void appWithKeyPolicyChecksTokenAndRoleAndHidesTheToken() throws Exception {
        try (TestApp app = new TestApp("secure"); CageFixture fx = new CageFixture(CageLimits.DEFAULTS)) {
            fx.apps.put("secure", app.port());
            fx.cage.policies().set("secure", new AppPolicy(new AuthPolicy(AuthMode.KEY, Role.DEPLOYER), false,
                    DataFlowPolicy.ALLOW_ALL, 0));
            CreatedApiKey viewer = fx.cage.apiKeys().create(Role.VIEWER, "v");
            CreatedApiKey deployer = fx.cage.apiKeys().create(Role.DEPLOYER, "d");
            assertEquals(401, call(fx, null).status());
            assertEquals(401, call(fx, "mnk_nope_nope").status());
            assertEquals(403, call(fx, viewer.token()).status());
            RawClient.Response ok = call(fx, deployer.token());
            assertEquals(200, ok.status());
            assertEquals("secure GET /x 0 key:" + deployer.info().id(), ok.body());
            assertEquals(1, app.requests.get());
            assertEquals(1, fx.cage.metrics().denials("auth.role"));
        }
    }
}

package dev.metanode.httpcage.sig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.metanode.core.crypto.Sha256;
import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.testing.TestKeys;
import dev.metanode.httpcage.AppPolicy;
import dev.metanode.httpcage.CageFixture;
import dev.metanode.httpcage.CageLimits;
import dev.metanode.httpcage.CageReceipts;
import dev.metanode.httpcage.RawClient;
import dev.metanode.httpcage.TestApp;
import dev.metanode.httpcage.auth.AuthPolicy;
import dev.metanode.httpcage.policy.DataFlowPolicy;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignedRequestTest {
    private static final SigningKey CLIENT = TestKeys.key(5);

    static String signedPost(String authority, String path, String signedBody, String sentBody) {
        String digest = "sha-256=:" + Base64.getEncoder().encodeToString(
                Sha256.digest(signedBody.getBytes(StandardCharsets.UTF_8))) + ":";
        String params = "(\"@method\" \"@authority\" \"@path\" \"content-digest\");created="
                + System.currentTimeMillis() / 1000 + ";keyid=\"client-1\";alg=\"ed25519\"";
        String base = "\"@method\": POST\n\"@authority\": " + authority + "\n\"@path\": " + path
                + "\n\"content-digest\": " + digest + "\n\"@signature-params\": " + params;
        String sig = Base64.getEncoder().encodeToString(CLIENT.sign(base.getBytes(StandardCharsets.UTF_8)));
        return "POST " + path + " HTTP/1.1\r\nHost: " + authority + "\r\nContent-Digest: " + digest
                + "\r\nSignature-Input: s1=" + params + "\r\nSignature: s1=:" + sig + ":\r\nContent-Length: "
                + sentBody.length() + "\r\n\r\n" + sentBody;
    }

    @Test
    void appRequiringSignaturesGetsOnlyVerifiedRequestsWithMatchingBodies() throws Exception {
        try (TestApp app = new TestApp("signed"); CageFixture fx = new CageFixture(CageLimits.DEFAULTS)) {
            fx.apps.put("signed", app.port());
            fx.cage.policies().set("signed", new AppPolicy(AuthPolicy.OPEN, true, DataFlowPolicy.ALLOW_ALL, 0));
            fx.cage.signatureKeys().trust("client-1", CLIENT.publicKey());
            String authority = fx.host("signed");
            try (RawClient c = new RawClient(fx.port())) {
                assertEquals(200, c.send(signedPost(authority, "/pay", "{\"amount\":1}", "{\"amount\":1}")).read().status());
            }
            try (RawClient c = new RawClient(fx.port())) {
                assertEquals(401, c.get(authority, "/pay").status());
            }
            try (RawClient c = new RawClient(fx.port())) {
                RawClient.Response r = c.send(signedPost(authority, "/pay", "{\"amount\":1}", "{\"amount\":9}")).read();
                assertEquals(400, r.status());
            }
            assertEquals(1, app.requests.get(), "only the genuine request reached the app");
            assertEquals("client-1", CageReceipts.exchange(fx, 0).path("signatureKeyId").asText());
        }
    }
}

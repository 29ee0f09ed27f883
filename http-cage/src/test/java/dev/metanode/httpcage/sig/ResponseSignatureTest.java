package dev.metanode.httpcage.sig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.testing.TestKeys;
import dev.metanode.httpcage.CageFixture;
import dev.metanode.httpcage.CageLimits;
import dev.metanode.httpcage.RawClient;
import dev.metanode.httpcage.TestApp;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResponseSignatureTest {
    @Test
    void responsesCarryAVerifiableSignatureByTheCage() throws Exception {
        try (TestApp app = new TestApp("hello");
             CageFixture fx = new CageFixture(CageLimits.DEFAULTS, b -> b.signingKey(TestKeys.key(2)))) {
            fx.apps.put("hello", app.port());
            RawClient.Response r;
            try (RawClient c = new RawClient(fx.port())) {
                r = c.get(fx.host("hello"), "/");
            }
            SignatureParams params = SignatureHeaders.parseInput(r.headers().get("signature-input")).get("cage");
            byte[] sig = SignatureHeaders.parseSignature(r.headers().get("signature")).get("cage");
            assertEquals(TestKeys.key(2).publicKey().fingerprint(), params.stringParam("keyid").orElseThrow());
            assertTrue(params.components().contains("content-length"));
            Components values = name -> name.equals("@status") ? Optional.of(Integer.toString(r.status()))
                    : Optional.ofNullable(r.headers().get(name));
            byte[] base = SignatureBase.build(params, values).getBytes(StandardCharsets.UTF_8);
            PublicKey cageKey = TestKeys.key(2).publicKey();
            assertTrue(cageKey.verify(base, sig));
            byte[] forged = new String(base, StandardCharsets.UTF_8).replace("\"@status\": 200", "\"@status\": 500")
                    .getBytes(StandardCharsets.UTF_8);
            assertTrue(!cageKey.verify(forged, sig), "a different status does not verify");
        }
    }
}

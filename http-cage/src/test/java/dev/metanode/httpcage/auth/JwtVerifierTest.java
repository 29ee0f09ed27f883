package dev.metanode.httpcage.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.kernel.Clock;
import dev.metanode.core.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwtVerifierTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final SigningKey edKey = TestKeys.key(7);
    private final JwtVerifier verifier = new JwtVerifier(SECRET, Map.of("k1", edKey.publicKey()), Clock.SYSTEM);

    static String hs256(byte[] secret, String sub, String role, long expMillis) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(sub).claim("role", role)
                .expirationTime(new Date(expMillis)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    static String eddsa(SigningKey key, String kid, String claimsJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString(("{\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\"}").getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
        byte[] sig = key.sign((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + b64.encodeToString(sig);
    }

    @Test
    void hs256AndEd25519TokensVerify() throws Exception {
        long exp = System.currentTimeMillis() + 60_000;
        Principal p = verifier.verify(hs256(SECRET, "alice", "deployer", exp)).orElseThrow();
        assertEquals(new Principal("jwt:alice", Role.DEPLOYER), p);
        String ed = eddsa(edKey, "k1", "{\"sub\":\"bob\",\"role\":\"auditor\",\"exp\":" + exp / 1000 + "}");
        assertEquals(new Principal("jwt:bob", Role.AUDITOR), verifier.verify(ed).orElseThrow());
    }

    @Test
    void expiredForgedUnknownKidAndAlgNoneAreRefused() throws Exception {
        long past = System.currentTimeMillis() - 120_000;
        assertTrue(verifier.verify(hs256(SECRET, "alice", "admin", past)).isEmpty());
        byte[] other = "ffffffffffffffffffffffffffffffff".getBytes(StandardCharsets.US_ASCII);
        assertTrue(verifier.verify(hs256(other, "alice", "admin", past + 600_000)).isEmpty());
        long exp = System.currentTimeMillis() / 1000 + 60;
        assertTrue(verifier.verify(eddsa(edKey, "k2", "{\"sub\":\"b\",\"role\":\"admin\",\"exp\":" + exp + "}")).isEmpty());
        assertTrue(verifier.verify(eddsa(TestKeys.key(8), "k1", "{\"sub\":\"b\",\"role\":\"admin\",\"exp\":" + exp + "}"))
                .isEmpty());
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                        ("{\"sub\":\"x\",\"role\":\"admin\",\"exp\":" + exp + "}").getBytes()) + ".";
        assertTrue(verifier.verify(none).isEmpty());
        assertTrue(verifier.verify(eddsa(edKey, "k1", "{\"sub\":\"b\",\"role\":\"admin\"}")).isEmpty(), "exp required");
        assertTrue(verifier.verify("not.a.jwt").isEmpty());
    }
}

package dev.metanode.httpcage.sig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.crypto.SigningKey;
import dev.metanode.httpcage.HeaderView;
import dev.metanode.httpcage.RequestFacts;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 9421 Appendix B.2.6: signing the test request with test-key-ed25519. */
class Rfc9421VectorTest {
    /** PKCS#8 of test-key-ed25519 (RFC 9421 B.1.4); the seed is its last 32 bytes. */
    static final String PRIVATE_PKCS8 = "MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF";
    static final String PUBLIC_SPKI = "MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=";
    static final String INPUT = "sig-b26=(\"date\" \"@method\" \"@path\" \"@authority\" \"content-type\" "
            + "\"content-length\");created=1618884473;keyid=\"test-key-ed25519\"";
    static final String SIGNATURE = "sig-b26=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv"
            + "5lIp5WPpBKRCw==:";
    static final String BASE = """
            "date": Tue, 20 Apr 2021 02:07:55 GMT
            "@method": POST
            "@path": /foo
            "@authority": example.com
            "content-type": application/json
            "content-length": 18
            "@signature-params": ("date" "@method" "@path" "@authority" "content-type" "content-length")\
            ;created=1618884473;keyid="test-key-ed25519\"""";

    static RequestFacts testRequest(Map<String, String> extra) {
        Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(Map.of("Host", "example.com", "Date", "Tue, 20 Apr 2021 02:07:55 GMT",
                "Content-Type", "application/json", "Content-Length", "18",
                "Content-Digest", "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyeal"
                        + "dVLvRwEmTHWXvJwew==:"));
        headers.putAll(extra);
        HeaderView view = name -> headers.containsKey(name) ? List.of(headers.get(name)) : List.of();
        return new RequestFacts("app", "POST", "/foo", "/foo?param=Value&Pet=dog", "example.com", "https",
                "127.0.0.1", view);
    }

    static SigningKey rfcKey() {
        byte[] pkcs8 = Base64.getDecoder().decode(PRIVATE_PKCS8);
        return SigningKey.fromSeed(Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length));
    }

    @Test
    void signatureBaseMatchesTheRfc() {
        SignatureParams params = SignatureHeaders.parseInput(INPUT).get("sig-b26");
        assertEquals(BASE, SignatureBase.build(params, new RequestComponents(testRequest(Map.of()))));
    }

    @Test
    void keyAndSignatureMatchTheRfc() {
        SigningKey key = rfcKey();
        byte[] spki = Base64.getDecoder().decode(PUBLIC_SPKI);
        assertArrayEquals(Arrays.copyOfRange(spki, spki.length - 32, spki.length), key.publicKey().bytes());
        byte[] expected = SignatureHeaders.parseSignature(SIGNATURE).get("sig-b26");
        assertArrayEquals(expected, key.sign(BASE.getBytes(StandardCharsets.UTF_8)), "Ed25519 is deterministic");
    }

    @Test
    void verifierAcceptsTheRfcSignatureOnlyWhenCoverageRulesAllowIt() {
        SignatureKeys keys = new SignatureKeys();
        keys.trust("test-key-ed25519", rfcKey().publicKey());
        RequestSignatureVerifier verifier = new RequestSignatureVerifier(keys);
        RequestFacts signed = testRequest(Map.of("Signature-Input", INPUT, "Signature", SIGNATURE));
        // B.2.6 covers the body only through content-length, so the cage's rule (content-digest
        // covered when there is a body) refuses it; without that rule it verifies.
        SignatureException refused = assertThrows(SignatureException.class, () -> verifier.verify(signed, 1618884473L, true));
        assertEquals("signature.coverage", refused.getMessage());
        assertEquals("test-key-ed25519", verifier.verify(signed, 1618884473L, false).keyId());
        assertEquals("signature.created", assertThrows(SignatureException.class,
                () -> verifier.verify(signed, 1618884473L + 3600, false)).getMessage());
        RequestFacts tampered = testRequest(Map.of("Signature-Input", INPUT, "Signature", SIGNATURE,
                "Content-Type", "text/plain"));
        assertEquals("signature.invalid", assertThrows(SignatureException.class,
                () -> verifier.verify(tampered, 1618884473L, false)).getMessage());
    }

    @Test
    void parserRejectsWhatItDoesNotSupport() {
        assertThrows(StructuredFieldException.class, () -> SignatureHeaders.parseInput("a=(\"@query-param\";name=\"x\")"));
        assertThrows(StructuredFieldException.class, () -> SignatureHeaders.parseInput("a=(\"x\"),"));
        assertThrows(StructuredFieldException.class, () -> SignatureHeaders.parseInput("A=(\"x\")"));
        assertThrows(StructuredFieldException.class, () -> SignatureHeaders.parseInput("a=(\"x\");created=-"));
        assertThrows(StructuredFieldException.class, () -> SignatureHeaders.parseSignature("a=:%%%:"));
        assertTrue(SignatureHeaders.parseInput("a=(), b=(\"@method\");x=1").containsKey("b"));
    }
}

package dev.metanode.httpcage.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.kernel.Clock;
import java.text.ParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies bearer JWTs: HS256 with a shared secret, or EdDSA (Ed25519) with trusted public keys
 * chosen by {@code kid}. Ed25519 goes through core's Bouncy Castle key (nimbus would need Tink).
 * Required claims: {@code sub}, {@code role}, {@code exp}; {@code nbf} is honoured; {@code alg:none}
 * and every other algorithm are refused.
 */
public final class JwtVerifier {
    /** Longest token accepted; larger ones are refused before parsing. */
    public static final int TOKEN_CHARS_MAX = 8 * 1024;
    /** Clock skew allowed on exp and nbf. */
    public static final long SKEW_MS = 30_000;
    /** HS256 secrets shorter than this are refused at construction (RFC 7518 section 3.2). */
    public static final int HMAC_SECRET_BYTES_MIN = 32;

    private final byte[] hmacSecret;
    private final Map<String, PublicKey> edKeys;
    private final Clock clock;

    /**
     * @param hmacSecret HS256 secret, or null to refuse HS256
     * @param edKeys     trusted Ed25519 keys by kid (may be empty)
     */
    public JwtVerifier(byte[] hmacSecret, Map<String, PublicKey> edKeys, Clock clock) {
        if (hmacSecret != null && hmacSecret.length < HMAC_SECRET_BYTES_MIN) {
            throw new IllegalArgumentException("HS256 secret must have at least " + HMAC_SECRET_BYTES_MIN + " bytes");
        }
        this.hmacSecret = hmacSecret == null ? null : hmacSecret.clone();
        this.edKeys = Map.copyOf(edKeys);
        this.clock = clock;
    }

    public Optional<Principal> verify(String token) {
        if (token == null || token.length() > TOKEN_CHARS_MAX) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!signatureValid(jwt)) {
                return Optional.empty();
            }
            return principal(jwt.getJWTClaimsSet());
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private boolean signatureValid(SignedJWT jwt) throws JOSEException {
        JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
        if (JWSAlgorithm.HS256.equals(alg) && hmacSecret != null) {
            return jwt.verify(new MACVerifier(hmacSecret));
        }
        if (JWSAlgorithm.EdDSA.equals(alg) || JWSAlgorithm.Ed25519.equals(alg)) {
            PublicKey key = edKeys.get(jwt.getHeader().getKeyID());
            return key != null && key.verify(jwt.getSigningInput(), jwt.getSignature().decode());
        }
        return false;
    }

    private Optional<Principal> principal(JWTClaimsSet claims) throws ParseException {
        long now = clock.millis();
        Date exp = claims.getExpirationTime();
        Date nbf = claims.getNotBeforeTime();
        if (exp == null || exp.getTime() + SKEW_MS < now || (nbf != null && nbf.getTime() - SKEW_MS > now)) {
            return Optional.empty();
        }
        String sub = claims.getSubject();
        String role = claims.getStringClaim("role");
        if (sub == null || role == null) {
            return Optional.empty();
        }
        return Optional.of(new Principal("jwt:" + sub, Role.fromWire(role)));
    }

    /** Whether a bearer value looks like a JWT (three dot-separated parts) rather than an API key. */
    public static boolean looksLikeJwt(String token) {
        return List.of(token.split("\\.", -1)).size() == 3;
    }
}

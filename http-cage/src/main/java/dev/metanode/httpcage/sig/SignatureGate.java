package dev.metanode.httpcage.sig;

import dev.metanode.core.kernel.Clock;
import dev.metanode.httpcage.AppPolicies;
import dev.metanode.httpcage.DecisionTrail;
import dev.metanode.httpcage.Gate;
import dev.metanode.httpcage.RequestFacts;
import java.util.Optional;

/**
 * Verifies RFC 9421 request signatures. Where the app's policy requires one, a missing or bad
 * signature is a 401; elsewhere a signature is verified if present and its keyid recorded when valid.
 * A covered Content-Digest becomes a body check the proxy makes while streaming.
 */
public final class SignatureGate implements Gate {
    private final RequestSignatureVerifier verifier;
    private final AppPolicies policies;
    private final Clock clock;

    public SignatureGate(SignatureKeys keys, AppPolicies policies, Clock clock) {
        this.verifier = new RequestSignatureVerifier(keys);
        this.policies = policies;
        this.clock = clock;
    }

    @Override
    public Optional<Refusal> check(RequestFacts request, DecisionTrail trail) {
        boolean required = policies.of(request.app()).signatureRequired();
        if (!required && request.headers().first("signature-input").isEmpty()) {
            return Optional.empty();
        }
        boolean hasBody = request.headers().first("content-length").map(v -> !v.equals("0")).orElse(false)
                || request.headers().first("transfer-encoding").isPresent();
        try {
            RequestSignatureVerifier.Verified ok = verifier.verify(request, clock.millis() / 1000, hasBody);
            trail.signatureKeyId(ok.keyId());
            trail.record("signature", "valid " + ok.label());
            if (ok.contentDigest().isPresent()) {
                Optional<ContentDigest> digest = ContentDigest.parse(ok.contentDigest().get());
                if (digest.isEmpty()) {
                    return Optional.of(Refusal.of(400, "signature.content-digest"));
                }
                trail.expectBody(digest.get().algorithm(), digest.get().digest());
            }
            return Optional.empty();
        } catch (SignatureException | StructuredFieldException e) {
            String reason = e instanceof SignatureException ? e.getMessage() : "signature.malformed";
            trail.record("signature", reason);
            return required ? Optional.of(Refusal.of(401, reason)) : Optional.empty();
        }
    }
}

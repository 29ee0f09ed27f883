package dev.metanode.httpcage.sig;

import dev.metanode.core.crypto.PublicKey;
import dev.metanode.httpcage.RequestFacts;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies an RFC 9421 Ed25519 request signature. Requirements beyond the RFC's minimum, because a
 * signature that does not pin these does not say much: {@code created} present and recent,
 * {@code expires} (if any) not passed, alg (if any) {@code ed25519}, and the components
 * {@code @method @authority @path} covered, plus {@code content-digest} when there is a body.
 */
public final class RequestSignatureVerifier {
    /** How old {@code created} may be. */
    public static final long CREATED_AGE_SECONDS_MAX = 300;
    /** How far in the future {@code created} may be (clock skew). */
    public static final long CREATED_SKEW_SECONDS_MAX = 30;
    static final List<String> REQUIRED = List.of("@method", "@authority", "@path");

    /** A verified signature: the label, the keyid, and the content digest header if it was covered. */
    public record Verified(String label, String keyId, Optional<String> contentDigest) {}

    private final SignatureKeys keys;

    public RequestSignatureVerifier(SignatureKeys keys) {
        this.keys = keys;
    }

    /** The first valid signature, or an exception saying why none is. */
    public Verified verify(RequestFacts request, long nowSeconds, boolean hasBody) {
        String input = request.headers().first("signature-input")
                .orElseThrow(() -> new SignatureException("signature.missing"));
        String signature = request.headers().first("signature")
                .orElseThrow(() -> new SignatureException("signature.missing"));
        Map<String, SignatureParams> inputs = SignatureHeaders.parseInput(input);
        Map<String, byte[]> signatures = SignatureHeaders.parseSignature(signature);
        for (Map.Entry<String, SignatureParams> member : inputs.entrySet()) {
            byte[] sig = signatures.get(member.getKey());
            if (sig != null) {
                return verifyOne(request, member.getKey(), member.getValue(), sig, nowSeconds, hasBody);
            }
        }
        throw new SignatureException("signature.missing");
    }

    private Verified verifyOne(RequestFacts request, String label, SignatureParams params, byte[] sig, long now,
            boolean hasBody) {
        long created = params.longParam("created").orElseThrow(() -> new SignatureException("signature.created"));
        if (created > now + CREATED_SKEW_SECONDS_MAX || created < now - CREATED_AGE_SECONDS_MAX) {
            throw new SignatureException("signature.created");
        }
        if (params.longParam("expires").map(e -> e < now).orElse(false)) {
            throw new SignatureException("signature.expired");
        }
        if (!params.stringParam("alg").map("ed25519"::equals).orElse(true)) {
            throw new SignatureException("signature.alg");
        }
        if (!params.components().containsAll(REQUIRED) || (hasBody && !params.components().contains("content-digest"))) {
            throw new SignatureException("signature.coverage");
        }
        String keyId = params.stringParam("keyid").orElseThrow(() -> new SignatureException("signature.keyid"));
        PublicKey key = keys.find(keyId).orElseThrow(() -> new SignatureException("signature.keyid"));
        byte[] base = SignatureBase.build(params, new RequestComponents(request)).getBytes(StandardCharsets.UTF_8);
        if (sig.length != PublicKey.SIGNATURE_BYTES || !key.verify(base, sig)) {
            throw new SignatureException("signature.invalid");
        }
        Optional<String> digest = params.components().contains("content-digest")
                ? request.headers().first("content-digest") : Optional.empty();
        return new Verified(label, keyId, digest);
    }
}

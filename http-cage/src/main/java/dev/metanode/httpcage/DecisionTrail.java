package dev.metanode.httpcage;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the gates found about one request, in the order they found it. Not thread-safe: one per request. */
public final class DecisionTrail {
    private final Map<String, Object> decisions = new LinkedHashMap<>();
    private String principal;
    private String role;
    private String signatureKeyId;
    private BodyExpectation body;

    public void record(String key, Object value) {
        decisions.put(key, value);
    }

    public void principal(String principal, String role) {
        this.principal = principal;
        this.role = role;
    }

    public void signatureKeyId(String keyId) {
        this.signatureKeyId = keyId;
    }

    /** The body must hash to {@code digest} under {@code algorithm} (a covered Content-Digest). */
    public void expectBody(String algorithm, byte[] digest) {
        this.body = new BodyExpectation(algorithm, digest.clone());
    }

    public String principal() {
        return principal;
    }

    public String role() {
        return role;
    }

    public GateDecision allow() {
        return new GateDecision(true, 0, null, principal, role, signatureKeyId, 0, decisions, body);
    }

    public GateDecision refuse(Gate.Refusal refusal) {
        return new GateDecision(false, refusal.status(), refusal.reason(), principal, role, signatureKeyId,
                refusal.retryAfterSeconds(), decisions, null);
    }
}

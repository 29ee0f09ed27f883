package dev.metanode.httpcage;

import java.util.Map;

/**
 * The result of the checks on a request head: allowed, or refused with a status. Decisions taken on
 * the way (auth, rate limit, signature, data-flow light) go into the receipt's policy section.
 *
 * @param allowed           whether the request may go on to the app
 * @param status            the refusal status (0 when allowed)
 * @param reason            a short machine-readable reason for refusals, e.g. "auth.missing"
 * @param principal         who the request is from: an API key id, a JWT subject, or null
 * @param role              the principal's role name, or null
 * @param signatureKeyId    the RFC 9421 keyid the request was signed with, or null
 * @param retryAfterSeconds for 429: when to try again
 * @param decisions         every decision taken (receipts write them with keys sorted)
 * @param body              what the body must hash to, or null
 */
public record GateDecision(boolean allowed, int status, String reason, String principal, String role,
        String signatureKeyId, long retryAfterSeconds, Map<String, Object> decisions, BodyExpectation body) {

    public GateDecision {
        decisions = Map.copyOf(decisions);
    }
}

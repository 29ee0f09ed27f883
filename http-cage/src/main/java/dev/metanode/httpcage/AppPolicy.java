package dev.metanode.httpcage;

import dev.metanode.httpcage.auth.AuthPolicy;
import dev.metanode.httpcage.policy.DataFlowPolicy;
import java.util.Objects;

/**
 * Everything the cage enforces for one app.
 *
 * @param auth              which credential and role
 * @param signatureRequired requests must carry a valid RFC 9421 Ed25519 signature
 * @param flow              the traffic-light data-flow rules
 * @param requestsPerSecond per-app rate limit (0: the cage's default)
 * @param signResponses     sign this app's responses (RFC 9421) when the cage signs at all; one
 *                          Ed25519 signature per response on the event loop, the largest cost after
 *                          notarisation (which proves the response's digest anyway, a moment later)
 */
public record AppPolicy(AuthPolicy auth, boolean signatureRequired, DataFlowPolicy flow, int requestsPerSecond,
        boolean signResponses) {
    public static final AppPolicy OPEN = new AppPolicy(AuthPolicy.OPEN, false, DataFlowPolicy.ALLOW_ALL, 0);

    /** A policy whose responses are signed. */
    public AppPolicy(AuthPolicy auth, boolean signatureRequired, DataFlowPolicy flow, int requestsPerSecond) {
        this(auth, signatureRequired, flow, requestsPerSecond, true);
    }

    public AppPolicy {
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(flow, "flow");
        if (requestsPerSecond < 0) {
            throw new IllegalArgumentException("requestsPerSecond must not be negative");
        }
    }
}

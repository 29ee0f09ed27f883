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
 */
public record AppPolicy(AuthPolicy auth, boolean signatureRequired, DataFlowPolicy flow, int requestsPerSecond) {
    public static final AppPolicy OPEN = new AppPolicy(AuthPolicy.OPEN, false, DataFlowPolicy.ALLOW_ALL, 0);

    public AppPolicy {
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(flow, "flow");
        if (requestsPerSecond < 0) {
            throw new IllegalArgumentException("requestsPerSecond must not be negative");
        }
    }
}

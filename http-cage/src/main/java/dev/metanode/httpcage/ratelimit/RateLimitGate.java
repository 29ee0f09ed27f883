package dev.metanode.httpcage.ratelimit;

import dev.metanode.core.kernel.Clock;
import dev.metanode.httpcage.AppPolicies;
import dev.metanode.httpcage.DecisionTrail;
import dev.metanode.httpcage.Gate;
import dev.metanode.httpcage.RequestFacts;
import java.util.Optional;

/**
 * Token buckets per credential, per client address and per app; the first empty bucket refuses
 * with 429 and a Retry-After in whole seconds. Runs after auth so the credential is known.
 */
public final class RateLimitGate implements Gate {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private final RateLimits limits;
    private final AppPolicies policies;
    private final Clock clock;
    private final BucketTable keys = new BucketTable();
    private final BucketTable clients = new BucketTable();
    private final BucketTable apps = new BucketTable();

    public RateLimitGate(RateLimits limits, AppPolicies policies, Clock clock) {
        this.limits = limits;
        this.policies = policies;
        this.clock = clock;
    }

    @Override
    public Optional<Refusal> check(RequestFacts request, DecisionTrail trail) {
        long now = clock.nanoTime();
        if (trail.principal() != null) {
            long wait = take(keys, trail.principal(), limits.perKeyPerSecond(), now);
            if (wait > 0) {
                return refuse("rate.key", wait, trail);
            }
        }
        long wait = take(clients, request.clientAddress(), limits.perClientPerSecond(), now);
        if (wait > 0) {
            return refuse("rate.client", wait, trail);
        }
        int appRate = policies.of(request.app()).requestsPerSecond();
        wait = take(apps, request.app(), appRate > 0 ? appRate : limits.perAppPerSecond(), now);
        if (wait > 0) {
            return refuse("rate.app", wait, trail);
        }
        return Optional.empty();
    }

    private long take(BucketTable table, String name, double perSecond, long now) {
        double burst = Math.max(1, perSecond * limits.burstSeconds());
        return table.get(name, n -> new TokenBucket(perSecond, burst, now)).tryTake(now);
    }

    private static Optional<Refusal> refuse(String reason, long waitNanos, DecisionTrail trail) {
        long seconds = Math.max(1, (waitNanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
        trail.record("rateLimit", reason);
        return Optional.of(new Refusal(429, reason, seconds));
    }
}

package dev.metanode.httpcage.ratelimit;

/**
 * A token bucket: holds up to {@code burst} tokens, refilled at {@code perSecond}. Time comes in
 * as an argument (monotonic nanoseconds) so tests drive it. Thread-safe.
 */
public final class TokenBucket {
    private static final double NANOS_PER_SECOND = 1e9;
    private final double perSecond;
    private final double burst;
    private double tokens;
    private long lastNanos;

    public TokenBucket(double perSecond, double burst, long nowNanos) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("perSecond must be > 0 and burst >= 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
        this.lastNanos = nowNanos;
    }

    /** Takes one token: returns 0 if taken, else the nanoseconds until one will be there. */
    public synchronized long tryTake(long nowNanos) {
        if (nowNanos > lastNanos) {
            tokens = Math.min(burst, tokens + (nowNanos - lastNanos) * perSecond / NANOS_PER_SECOND);
            lastNanos = nowNanos;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) * NANOS_PER_SECOND / perSecond);
    }
}

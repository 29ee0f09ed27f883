package dev.metanode.httpcage.ratelimit;

/**
 * Sustained rates (per second) and bursts for the three kinds of bucket. Each must be positive.
 *
 * @param perKeyPerSecond    per credential (API key id or JWT subject)
 * @param perClientPerSecond per client IP address
 * @param perAppPerSecond    per app, all clients together (an app's policy may set its own)
 * @param burstSeconds       a bucket holds this many seconds' worth of tokens
 */
public record RateLimits(double perKeyPerSecond, double perClientPerSecond, double perAppPerSecond,
        double burstSeconds) {
    public static final RateLimits DEFAULTS = new RateLimits(200, 100, 5_000, 2);

    public RateLimits {
        if (perKeyPerSecond <= 0 || perClientPerSecond <= 0 || perAppPerSecond <= 0 || burstSeconds <= 0) {
            throw new IllegalArgumentException("rates and burst must be positive");
        }
    }
}

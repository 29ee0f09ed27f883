package dev.metanode.core.net;

import dev.metanode.core.kernel.Clock;
import java.util.random.RandomGenerator;

/**
 * Reconnect delays: exponential from {@code delayMsMin}, capped at {@code delayMsMax}, with "equal
 * jitter" (half fixed, half random) so that peers restarted together do not redial in lockstep. A
 * connection that stayed up for {@link #STABLE_CONNECTION_MS} resets the sequence. Clock and random
 * are injected so tests can drive them. Not thread-safe: one per dialled peer, used on one thread.
 */
public final class Backoff {
    /** A connection that lived this long counts as healthy: the next failure starts from the minimum. */
    public static final long STABLE_CONNECTION_MS = 10_000;
    private static final int SHIFT_MAX = 30;

    private final long delayMsMin;
    private final long delayMsMax;
    private final Clock clock;
    private final RandomGenerator random;
    private int attempts;
    private long connectedAtMs = -1;

    public Backoff(long delayMsMin, long delayMsMax, Clock clock, RandomGenerator random) {
        if (delayMsMin <= 0 || delayMsMax < delayMsMin) {
            throw new IllegalArgumentException("need 0 < delayMsMin <= delayMsMax");
        }
        this.delayMsMin = delayMsMin;
        this.delayMsMax = delayMsMax;
        this.clock = clock;
        this.random = random;
    }

    /** The delay before the next attempt, in [base/2, base] where base doubles per failure up to the cap. */
    public long nextDelayMs() {
        long base = Math.min(delayMsMax, delayMsMin << Math.min(attempts, SHIFT_MAX));
        attempts++;
        long half = base / 2;
        return half + random.nextLong(base - half + 1);
    }

    public void onConnected() {
        connectedAtMs = clock.millis();
    }

    public void onDisconnected() {
        if (connectedAtMs >= 0 && clock.millis() - connectedAtMs >= STABLE_CONNECTION_MS) {
            attempts = 0;
        }
        connectedAtMs = -1;
    }

    public int attempts() {
        return attempts;
    }
}

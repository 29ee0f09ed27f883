package dev.metanode.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final ManualClock clock = new ManualClock();

    @Test
    void doublesWithJitterUpToTheCap() {
        Backoff backoff = new Backoff(100, 2_000, clock, new SplittableRandom(1));
        long[] bases = {100, 200, 400, 800, 1_600, 2_000, 2_000, 2_000};
        for (long base : bases) {
            long delay = backoff.nextDelayMs();
            assertTrue(delay >= base / 2 && delay <= base, delay + " not in [" + base / 2 + ", " + base + "]");
        }
    }

    @Test
    void stableConnectionResetsTheSequence() {
        Backoff backoff = new Backoff(100, 2_000, clock, new SplittableRandom(2));
        backoff.nextDelayMs();
        backoff.nextDelayMs();
        backoff.onConnected();
        clock.advanceMs(Backoff.STABLE_CONNECTION_MS - 1);
        backoff.onDisconnected();
        assertEquals(2, backoff.attempts(), "a short-lived connection does not reset");
        backoff.onConnected();
        clock.advanceMs(Backoff.STABLE_CONNECTION_MS);
        backoff.onDisconnected();
        assertEquals(0, backoff.attempts());
        assertTrue(backoff.nextDelayMs() <= 100);
    }

    @Test
    void jitterSpreadsPeers() {
        Backoff a = new Backoff(1_000, 1_000, clock, new SplittableRandom(3));
        Backoff b = new Backoff(1_000, 1_000, clock, new SplittableRandom(4));
        int same = 0;
        for (int i = 0; i < 20; i++) {
            same += a.nextDelayMs() == b.nextDelayMs() ? 1 : 0;
        }
        assertTrue(same < 5);
    }
}

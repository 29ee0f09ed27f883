package dev.metanode.docklock.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.kernel.Clock;
import dev.metanode.core.workload.ExitStatus;
import org.junit.jupiter.api.Test;

/** Backoff decisions on a manual clock. */
class RestartBackoffTest {
    private static final class ManualClock implements Clock {
        long ms = 1_000_000;

        @Override
        public long millis() {
            return ms;
        }

        @Override
        public long nanoTime() {
            return ms * 1_000_000;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final RestartPolicy policy = new RestartPolicy(RestartPolicy.Mode.ON_FAILURE, 100, 1000, 5000, 4);

    private RestartBackoff.Decision runFor(RestartBackoff b, long ms, ExitStatus exit) {
        b.started();
        clock.ms += ms;
        return b.exited(exit);
    }

    @Test
    void delaysDoubleUpToTheMaxThenGiveUp() {
        RestartBackoff b = new RestartBackoff(clock, policy);
        long[] delays = new long[4];
        for (int i = 0; i < 4; i++) {
            RestartBackoff.Decision d = runFor(b, 10, ExitStatus.exited(1));
            assertTrue(d.restart(), d.reason());
            delays[i] = d.delayMs();
        }
        assertEquals(100, delays[0]);
        assertEquals(200, delays[1]);
        assertEquals(400, delays[2]);
        assertEquals(800, delays[3]);
        RestartBackoff.Decision last = runFor(b, 10, ExitStatus.killed(9));
        assertFalse(last.restart());
        assertTrue(last.reason().contains("gave up after 4"), last.reason());
    }

    @Test
    void aStableRunResetsTheBackoff() {
        RestartBackoff b = new RestartBackoff(clock, policy);
        runFor(b, 10, ExitStatus.exited(1));
        runFor(b, 10, ExitStatus.exited(1));
        RestartBackoff.Decision afterStable = runFor(b, 6000, ExitStatus.exited(1));
        assertEquals(100, afterStable.delayMs());
        assertEquals(1, afterStable.attempt());
    }

    @Test
    void maxDelayCapsTheBackoff() {
        RestartBackoff b = new RestartBackoff(clock, new RestartPolicy(RestartPolicy.Mode.ALWAYS, 300, 500, 5000, 10));
        assertEquals(300, runFor(b, 1, ExitStatus.exited(0)).delayMs());
        assertEquals(500, runFor(b, 1, ExitStatus.exited(0)).delayMs());
        assertEquals(500, runFor(b, 1, ExitStatus.exited(0)).delayMs());
    }

    @Test
    void successAndNeverDoNotRestart() {
        assertFalse(runFor(new RestartBackoff(clock, policy), 1, ExitStatus.exited(0)).restart());
        RestartBackoff never = new RestartBackoff(clock, new RestartPolicy(RestartPolicy.Mode.NEVER, 0, 0, 0, 0));
        assertFalse(runFor(never, 1, ExitStatus.exited(1)).restart());
    }
}

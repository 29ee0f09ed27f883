package dev.metanode.docklock.supervise;

import dev.metanode.core.kernel.Clock;
import dev.metanode.core.workload.ExitStatus;

/**
 * Restart decisions for one app: exponential backoff over quick failures, reset by a stable run.
 * Pure: time comes from the injected clock, nothing is started here. Not thread-safe; one
 * supervisor calls it.
 */
public final class RestartBackoff {
    /** What to do after an exit. */
    public record Decision(boolean restart, long delayMs, int attempt, String reason) {}

    private final Clock clock;
    private final RestartPolicy policy;
    private long startedMs = -1;
    private int quickRestarts;
    private long nextDelayMs;

    public RestartBackoff(Clock clock, RestartPolicy policy) {
        this.clock = clock;
        this.policy = policy;
        this.nextDelayMs = policy.delayMsInitial();
    }

    /** The app was (re)started now. */
    public void started() {
        startedMs = clock.millis();
    }

    /** The app exited; decides whether to restart it and after how long. */
    public Decision exited(ExitStatus exit) {
        if (startedMs < 0) {
            throw new IllegalStateException("exited() before started()");
        }
        long ranMs = clock.millis() - startedMs;
        startedMs = -1;
        if (policy.mode() == RestartPolicy.Mode.NEVER) {
            return new Decision(false, 0, quickRestarts, "restart policy is never");
        }
        if (policy.mode() == RestartPolicy.Mode.ON_FAILURE && exit.success()) {
            return new Decision(false, 0, quickRestarts, "exited successfully");
        }
        if (ranMs >= policy.stableMs()) {
            quickRestarts = 0;
            nextDelayMs = policy.delayMsInitial();
        }
        if (quickRestarts >= policy.restartsMax()) {
            return new Decision(false, 0, quickRestarts, "gave up after " + quickRestarts + " quick restarts (" + exit + ")");
        }
        long delay = nextDelayMs;
        quickRestarts++;
        nextDelayMs = Math.min(policy.delayMsMax(), Math.max(1, nextDelayMs * 2));
        return new Decision(true, delay, quickRestarts, exit + " after " + ranMs + " ms");
    }
}

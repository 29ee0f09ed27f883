package dev.metanode.httpcage.proxy;

import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A deadline that is set and cleared on every request and almost never reached. Arming moves the
 * deadline; one scheduled task checks it when it fires and schedules itself again for the rest if
 * the deadline moved on meanwhile. A keep-alive connection thus keeps at most one task in the
 * event loop's queue instead of scheduling and cancelling one per request (a priority-queue insert
 * and removal each time). Event loop only.
 */
final class LazyTimer {
    private final EventExecutor executor;
    private final Runnable onExpiry;
    private boolean armed;
    private long deadlineNanos;
    private ScheduledFuture<?> pending;
    private long pendingAtNanos;

    LazyTimer(EventExecutor executor, Runnable onExpiry) {
        this.executor = executor;
        this.onExpiry = onExpiry;
    }

    void arm(long delayMs) {
        armed = true;
        deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMs);
        if (pending != null && pendingAtNanos - deadlineNanos > 0) {
            pending.cancel(false); // would fire after the new deadline
            pending = null;
        }
        if (pending == null) {
            scheduleAt(deadlineNanos);
        }
    }

    void disarm() {
        armed = false;
    }

    boolean armed() {
        return armed;
    }

    /** The connection is gone: nothing fires any more. */
    void stop() {
        armed = false;
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    private void scheduleAt(long atNanos) {
        pendingAtNanos = atNanos;
        pending = executor.schedule(this::fire, atNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    private void fire() {
        pending = null;
        if (!armed) {
            return;
        }
        if (deadlineNanos - System.nanoTime() > 0) {
            scheduleAt(deadlineNanos);
            return;
        }
        armed = false;
        onExpiry.run();
    }
}

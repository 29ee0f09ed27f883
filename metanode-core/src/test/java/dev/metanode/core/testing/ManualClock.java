package dev.metanode.core.testing;

import dev.metanode.core.kernel.Clock;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when the test says so. Shared with other modules through the test-jar. */
public final class ManualClock implements Clock {
    private final AtomicLong millis;
    private final AtomicLong nanos = new AtomicLong();

    public ManualClock(long startMillis) {
        this.millis = new AtomicLong(startMillis);
    }

    public void advance(long deltaMillis) {
        millis.addAndGet(deltaMillis);
        nanos.addAndGet(deltaMillis * 1_000_000);
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }
}

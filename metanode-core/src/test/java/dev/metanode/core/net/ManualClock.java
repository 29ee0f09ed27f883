package dev.metanode.core.net;

import dev.metanode.core.kernel.Clock;
import java.util.concurrent.atomic.AtomicLong;

/** A clock the test moves by hand. */
public final class ManualClock implements Clock {
    private final AtomicLong millis = new AtomicLong(1_000_000);

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public long nanoTime() {
        return millis.get() * 1_000_000;
    }

    public void advanceMs(long ms) {
        millis.addAndGet(ms);
    }
}

package dev.metanode.consensus.sim;

import dev.metanode.core.kernel.Clock;

/** The simulator's virtual time, shared by every simulated node. */
final class SimClock implements Clock {
    long now;

    SimClock(long start) {
        this.now = start;
    }

    @Override
    public long millis() {
        return now;
    }

    @Override
    public long nanoTime() {
        return now * 1_000_000;
    }
}

package dev.metanode.core.kernel;

import java.time.Instant;

/** Time, injected everywhere so tests and simulators can drive it. */
public interface Clock {
    /** Wall-clock time in milliseconds since the epoch. */
    long millis();

    /** A monotonic reading in nanoseconds, only meaningful as a difference. */
    long nanoTime();

    default Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    Clock SYSTEM = new Clock() {
        @Override
        public long millis() {
            return System.currentTimeMillis();
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }
    };
}

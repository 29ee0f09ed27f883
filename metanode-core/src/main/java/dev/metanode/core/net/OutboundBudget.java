package dev.metanode.core.net;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bound on one peer's outbound queue: frames and bytes written but not yet on the socket. A
 * sender reserves before it writes and the write's completion releases, so a slow peer costs us
 * at most {@code framesMax} frames and {@code bytesMax} bytes; beyond that sends are refused
 * (backpressure to the caller) instead of piling up. Thread-safe.
 */
public final class OutboundBudget {
    private final int framesMax;
    private final long bytesMax;
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    public OutboundBudget(int framesMax, long bytesMax) {
        if (framesMax <= 0 || bytesMax <= 0) {
            throw new IllegalArgumentException("framesMax and bytesMax must be positive");
        }
        this.framesMax = framesMax;
        this.bytesMax = bytesMax;
    }

    /** Reserves room for one frame of {@code size} bytes; false, reserving nothing, if it does not fit. */
    public boolean tryReserve(int size) {
        if (frames.incrementAndGet() > framesMax) {
            frames.decrementAndGet();
            return false;
        }
        if (bytes.addAndGet(size) > bytesMax) {
            bytes.addAndGet(-size);
            frames.decrementAndGet();
            return false;
        }
        return true;
    }

    public void release(int size) {
        frames.decrementAndGet();
        bytes.addAndGet(-size);
    }

    public long frames() {
        return frames.get();
    }

    public long bytes() {
        return bytes.get();
    }
}

package dev.metanode.core.net;

import java.util.concurrent.atomic.LongAdder;

/** Bytes and messages each way for one connection; written by network threads, read by stats. */
public final class TrafficCounters {
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder messagesIn = new LongAdder();
    private final LongAdder messagesOut = new LongAdder();
    private final LongAdder messagesDropped = new LongAdder();
    private final LongAdder messagesUnknown = new LongAdder();

    public void frameReceived(int frameBytes) {
        bytesIn.add(frameBytes);
    }

    public void messageReceived() {
        messagesIn.increment();
    }

    public void frameSent(int frameBytes) {
        bytesOut.add(frameBytes);
    }

    public void messageSent() {
        messagesOut.increment();
    }

    public void dropped() {
        messagesDropped.increment();
    }

    public void unknownReceived() {
        messagesUnknown.increment();
    }

    public long messagesUnknown() {
        return messagesUnknown.sum();
    }

    public long bytesIn() {
        return bytesIn.sum();
    }

    public long bytesOut() {
        return bytesOut.sum();
    }

    public long messagesIn() {
        return messagesIn.sum();
    }

    public long messagesOut() {
        return messagesOut.sum();
    }

    public long messagesDropped() {
        return messagesDropped.sum();
    }
}

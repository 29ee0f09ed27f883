package dev.metanode.core.net.netty;

import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.net.Envelope;
import dev.metanode.core.net.FrameFormat;
import dev.metanode.core.net.OutboundBudget;
import dev.metanode.core.net.PeerStats;
import dev.metanode.core.net.TrafficCounters;
import dev.metanode.core.net.TransportCipher;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One authenticated peer channel. Sends reserve room in the peer's {@link OutboundBudget} and
 * give it back when the write completes; when the budget is spent, sends are refused. Sends from
 * other threads wait in an outbox that one event-loop task empties, so a burst of them costs one
 * wake-up of the loop, not one each; flushes are coalesced too: many sends between two event-loop
 * turns leave in one syscall.
 */
final class PeerConnection {
    private final Channel channel;
    private final PublicKey key;
    private final boolean outbound;
    private final Instant connectedSince;
    private final TrafficCounters counters;
    private final OutboundBudget budget;
    private final Runnable flush;
    private boolean flushPending; // event loop only
    private final Queue<Pending> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Runnable drain = this::drainOutbox;

    private record Pending(Envelope envelope, int frameBytes) {}

    PeerConnection(Channel channel, PublicKey key, boolean outbound, Instant connectedSince,
            TrafficCounters counters, OutboundBudget budget) {
        this.channel = channel;
        this.key = key;
        this.outbound = outbound;
        this.connectedSince = connectedSince;
        this.counters = counters;
        this.budget = budget;
        this.flush = () -> {
            flushPending = false;
            channel.flush();
        };
    }

    boolean send(Envelope envelope) {
        int frameBytes = FrameFormat.LENGTH_BYTES + Envelope.HEADER_BYTES_MAX
                + envelope.message().payload().length + TransportCipher.TAG_BYTES;
        if (!channel.isActive() || !budget.tryReserve(frameBytes)) {
            counters.dropped();
            return false;
        }
        EventLoop loop = channel.eventLoop();
        if (loop.inEventLoop()) {
            write(envelope, frameBytes);
        } else {
            outbox.add(new Pending(envelope, frameBytes));
            if (drainScheduled.compareAndSet(false, true)) {
                loop.execute(drain);
            }
        }
        return true;
    }

    /** Clears the flag before polling: a send that finds it clear after the last poll schedules another drain. */
    private void drainOutbox() {
        drainScheduled.set(false);
        Pending p;
        while ((p = outbox.poll()) != null) {
            write(p.envelope(), p.frameBytes());
        }
    }

    /**
     * Runs on the event loop, so that the flush task is always queued after the write it must
     * cover: a flush decided on another thread could run before that thread's write and strand it.
     */
    private void write(Envelope envelope, int frameBytes) {
        channel.write(envelope).addListener((ChannelFutureListener) f -> budget.release(frameBytes));
        if (!flushPending) {
            flushPending = true;
            channel.eventLoop().execute(flush);
        }
    }

    Channel channel() {
        return channel;
    }

    PublicKey key() {
        return key;
    }

    boolean outbound() {
        return outbound;
    }

    void unknownReceived() {
        counters.unknownReceived();
    }

    boolean writable() {
        return channel.isWritable();
    }

    PeerStats stats() {
        InetSocketAddress remote = channel.remoteAddress() instanceof InetSocketAddress socket ? socket : null;
        return new PeerStats(key, remote, outbound, connectedSince,
                counters.bytesIn(), counters.bytesOut(), counters.messagesIn(), counters.messagesOut(),
                counters.messagesDropped(), counters.messagesUnknown());
    }
}

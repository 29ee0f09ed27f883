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

/**
 * One authenticated peer channel. Sends reserve room in the peer's {@link OutboundBudget} and
 * give it back when the write completes; when the budget is spent, sends are refused. Flushes are
 * coalesced: many sends between two event-loop turns leave in one syscall.
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
            loop.execute(() -> write(envelope, frameBytes));
        }
        return true;
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

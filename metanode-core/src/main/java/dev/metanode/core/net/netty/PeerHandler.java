package dev.metanode.core.net.netty;

import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.net.Envelope;
import dev.metanode.core.net.TrafficCounters;
import dev.metanode.core.net.TransportException;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of every peer channel: reports the authenticated peer, its envelopes and its
 * end to {@link PeerEvents}, and closes the channel on any error. Protocol violations are
 * reported so the peer's score drops; socket errors are not the peer's fault and are only logged.
 */
public final class PeerHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(PeerHandler.class);

    private final PeerEvents events;
    private final TrafficCounters counters;
    private PublicKey key;

    public PeerHandler(PeerEvents events, TrafficCounters counters) {
        this.events = events;
        this.counters = counters;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof HandshakeCompleted completed) {
            key = completed.remoteKey();
            events.onConnected(ctx.channel(), completed, counters);
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (key != null && msg instanceof Envelope envelope) {
            events.onEnvelope(key, envelope);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (key != null) {
            events.onDisconnected(ctx.channel(), key);
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        TransportException violation = findViolation(cause);
        if (violation != null) {
            LOG.debug("closing {}: {}", ctx.channel().remoteAddress(), violation.getMessage());
            if (ctx.channel().isOpen()) {
                events.onViolation(ctx.channel(), key, violation);
            }
        } else {
            LOG.debug("closing {}: {}", ctx.channel().remoteAddress(), cause.toString());
        }
        ctx.close();
    }

    private static TransportException findViolation(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TransportException e) {
                return e;
            }
        }
        return null;
    }
}

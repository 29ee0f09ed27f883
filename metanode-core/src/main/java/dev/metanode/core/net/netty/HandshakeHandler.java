package dev.metanode.core.net.netty;

import dev.metanode.core.net.FrameFormat;
import dev.metanode.core.net.HandshakeResult;
import dev.metanode.core.net.HandshakeState;
import dev.metanode.core.net.Misbehaviour;
import dev.metanode.core.net.NetLimits;
import dev.metanode.core.net.TrafficCounters;
import dev.metanode.core.net.TransportException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Drives one {@link HandshakeState} over a channel: writes our messages, reads the peer's, and on
 * success puts a {@link TransportCodecHandler} in its place, fires {@link HandshakeCompleted} and
 * lets the {@link FrameDecoderHandler} go on with the transport frames it held back. The crypto of
 * each step (about a millisecond) runs on {@code crypto}, not on the event loop, so a burst of
 * handshakes does not stall the traffic of established peers. The peer may only speak in its turn:
 * a frame while we compute is a violation. Any failure, or no success within handshakeTimeoutMs, is
 * a {@link TransportException} (the channel's error handler closes it and lowers the peer's score).
 */
public final class HandshakeHandler extends ChannelInboundHandlerAdapter {
    private final HandshakeState state;
    private final NetLimits limits;
    private final TrafficCounters counters;
    private final Executor crypto;
    private ScheduledFuture<?> timeout;
    private boolean busy;
    private boolean failed;

    public HandshakeHandler(HandshakeState state, NetLimits limits, TrafficCounters counters, Executor crypto) {
        this.state = state;
        this.limits = limits;
        this.counters = counters;
        this.crypto = crypto;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        timeout = ctx.executor().schedule(() -> {
            ctx.fireExceptionCaught(new TransportException(Misbehaviour.HANDSHAKE_FAILED,
                    "handshake not finished within " + limits.handshakeTimeoutMs() + " ms"));
        }, limits.handshakeTimeoutMs(), TimeUnit.MILLISECONDS);
        if (state.isMyTurn()) {
            step(ctx, null);
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        if (failed) {
            frame.release();
        } else if (busy) {
            frame.release();
            fail(ctx, new TransportException(Misbehaviour.HANDSHAKE_FAILED, "handshake message out of turn"));
        } else {
            step(ctx, frame);
        }
    }

    /** Reads the peer's message (if any) and writes our answer (if it is our turn), off the event loop. */
    private void step(ChannelHandlerContext ctx, ByteBuf frame) {
        byte[] message = null;
        if (frame != null) {
            try {
                message = ByteBufUtil.getBytes(frame);
            } finally {
                frame.release();
            }
        }
        byte[] input = message;
        busy = true;
        try {
            crypto.execute(() -> {
                Runnable next;
                try {
                    if (input != null) {
                        state.readMessage(input);
                    }
                    byte[] reply = state.isMyTurn() ? state.writeMessage() : null;
                    next = () -> stepDone(ctx, reply);
                } catch (RuntimeException e) {
                    next = () -> fail(ctx, e);
                }
                try {
                    ctx.executor().execute(next);
                } catch (RejectedExecutionException e) {
                    // The event loop has shut down with the network; nobody waits for this result.
                }
            });
        } catch (RejectedExecutionException e) {
            // Too many handshakes at once: not this peer's fault, so no penalty; it may retry.
            failed = true;
            ctx.close();
        }
    }

    private void stepDone(ChannelHandlerContext ctx, byte[] reply) {
        busy = false;
        if (failed || !ctx.channel().isActive()) {
            return;
        }
        if (reply != null) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(FrameFormat.frame(reply)));
        }
        if (state.isComplete()) {
            complete(ctx);
        }
    }

    private void fail(ChannelHandlerContext ctx, RuntimeException e) {
        failed = true;
        busy = false;
        boolean ours = e instanceof TransportException t && t.misbehaviour() != Misbehaviour.BAD_FRAME;
        ctx.fireExceptionCaught(ours ? e : new TransportException(Misbehaviour.HANDSHAKE_FAILED,
                "handshake failed: " + e.getMessage()));
    }

    private void complete(ChannelHandlerContext ctx) {
        timeout.cancel(false);
        HandshakeResult result = state.result();
        ctx.pipeline().replace(this, "transport",
                new TransportCodecHandler(result.cipher(), counters, limits.plaintextBytesMax()));
        ctx.pipeline().fireUserEventTriggered(
                new HandshakeCompleted(result.remoteKey(), state.isInitiator(), result.handshakeHash()));
        FrameDecoderHandler decoder = ctx.pipeline().get(FrameDecoderHandler.class);
        if (decoder != null) {
            decoder.resume();
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (timeout != null) {
            timeout.cancel(false);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (timeout != null) {
            timeout.cancel(false);
        }
        super.channelInactive(ctx);
    }
}

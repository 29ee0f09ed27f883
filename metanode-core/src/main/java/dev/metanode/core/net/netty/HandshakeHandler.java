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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Drives one {@link HandshakeState} over a channel: writes our messages, reads the peer's, and on
 * success swaps itself for a {@link TransportCodecHandler} and fires {@link HandshakeCompleted}.
 * Any failure, or no success within handshakeTimeoutMs, is a {@link TransportException} (the
 * channel's error handler closes it and lowers the peer's score).
 */
public final class HandshakeHandler extends ChannelInboundHandlerAdapter {
    private final HandshakeState state;
    private final NetLimits limits;
    private final TrafficCounters counters;
    private ScheduledFuture<?> timeout;
    private boolean failed;

    public HandshakeHandler(HandshakeState state, NetLimits limits, TrafficCounters counters) {
        this.state = state;
        this.limits = limits;
        this.counters = counters;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        timeout = ctx.executor().schedule(() -> {
            ctx.fireExceptionCaught(new TransportException(Misbehaviour.HANDSHAKE_FAILED,
                    "handshake not finished within " + limits.handshakeTimeoutMs() + " ms"));
        }, limits.handshakeTimeoutMs(), TimeUnit.MILLISECONDS);
        if (state.isMyTurn()) {
            write(ctx);
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        if (failed) {
            frame.release();
            return;
        }
        byte[] message;
        try {
            message = ByteBufUtil.getBytes(frame);
        } finally {
            frame.release();
        }
        try {
            state.readMessage(message);
        } catch (TransportException e) {
            failed = true;
            throw e.misbehaviour() == Misbehaviour.BAD_FRAME
                    ? new TransportException(Misbehaviour.HANDSHAKE_FAILED, "handshake failed: " + e.getMessage())
                    : e;
        }
        if (state.isMyTurn()) {
            write(ctx);
        }
        if (state.isComplete()) {
            complete(ctx);
        }
    }

    private void write(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(Unpooled.wrappedBuffer(FrameFormat.frame(state.writeMessage())));
    }

    private void complete(ChannelHandlerContext ctx) {
        timeout.cancel(false);
        HandshakeResult result = state.result();
        FrameDecoderHandler decoder = ctx.pipeline().get(FrameDecoderHandler.class);
        if (decoder != null) {
            decoder.frameBytesMax(limits.frameBytesMax());
        }
        ctx.pipeline().replace(this, "transport",
                new TransportCodecHandler(result.cipher(), counters, limits.plaintextBytesMax()));
        ctx.pipeline().fireUserEventTriggered(
                new HandshakeCompleted(result.remoteKey(), state.isInitiator(), result.handshakeHash()));
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

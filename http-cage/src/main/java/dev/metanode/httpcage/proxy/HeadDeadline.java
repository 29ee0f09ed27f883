package dev.metanode.httpcage.proxy;

import dev.metanode.httpcage.metrics.CageMetrics;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;

/**
 * Slowloris guard: a request head must be complete within the deadline counted from the
 * connection's start or from the first byte of the request. Sits before the decoder, so it sees
 * raw bytes; the front door tells it when a head arrived and when an exchange ended.
 */
final class HeadDeadline extends ChannelInboundHandlerAdapter {
    private static final byte[] TIMEOUT = ("HTTP/1.1 408 Request Timeout\r\nconnection: close\r\n"
            + "content-length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    private final long timeoutMs;
    private final CageMetrics metrics;
    private ChannelHandlerContext ctx;
    private LazyTimer timer;
    private boolean awaitingHead = true;

    HeadDeadline(long timeoutMs, CageMetrics metrics) {
        this.timeoutMs = timeoutMs;
        this.metrics = metrics;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.timer = new LazyTimer(ctx.executor(), this::expire);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        arm();
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (awaitingHead && !timer.armed()) {
            arm();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        timer.stop();
        super.channelInactive(ctx);
    }

    /** Starts the clock on a connection that was already active when this handler was added (after ALPN). */
    void start() {
        if (ctx != null && ctx.channel().isActive()) {
            arm();
        }
    }

    void headReceived() {
        awaitingHead = false;
        timer.disarm();
    }

    /** The next request's deadline starts with its first byte; idle keep-alive time is the idle timeout's. */
    void exchangeDone() {
        awaitingHead = true;
    }

    private void arm() {
        timer.arm(timeoutMs);
    }

    private void expire() {
        if (awaitingHead && ctx.channel().isActive()) {
            metrics.denial("headers.timeout");
            ctx.writeAndFlush(Unpooled.wrappedBuffer(TIMEOUT)).addListener(ChannelFutureListener.CLOSE);
        }
    }
}

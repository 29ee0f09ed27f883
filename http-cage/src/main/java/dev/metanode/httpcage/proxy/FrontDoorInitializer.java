package dev.metanode.httpcage.proxy;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Builds a front connection's pipeline: [tls] → flush consolidation → deadline → decoder → encoder →
 * idle → front door.
 * The deadline sits before the decoder so that it sees bytes even while no head is complete.
 */
public final class FrontDoorInitializer extends ChannelInitializer<SocketChannel> {
    /** Flushes that may be held back before one goes through anyway. */
    static final int FLUSHES_CONSOLIDATED_MAX = 64;
    private final ProxyContext cage;
    private final Supplier<ChannelHandler> tls;

    /** @param tls makes the TLS handler for a new connection, or null for plain HTTP (loopback only) */
    public FrontDoorInitializer(ProxyContext cage, Supplier<ChannelHandler> tls) {
        this.cage = cage;
        this.tls = tls;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        if (tls != null) {
            ch.pipeline().addLast("tls", tls.get());
        }
        // A response's head and body pieces usually come from one read of the app: one syscall (and
        // one TLS record) for all of them instead of one per piece.
        ch.pipeline().addLast("flush", new FlushConsolidationHandler(FLUSHES_CONSOLIDATED_MAX, true));
        HeadDeadline deadline = new HeadDeadline(cage.limits().headersTimeoutMs(), cage.metrics());
        ch.pipeline().addLast("deadline", deadline);
        ch.pipeline().addLast("decoder", new CagedRequestDecoder(cage.limits()));
        ch.pipeline().addLast("encoder", new HttpResponseEncoder());
        ch.pipeline().addLast("idle", new IdleStateHandler(0, 0, cage.limits().idleTimeoutMs(), TimeUnit.MILLISECONDS));
        ch.pipeline().addLast("front", new FrontDoorHandler(cage, deadline));
    }
}

package dev.metanode.httpcage.proxy;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.flush.FlushConsolidationHandler;
import java.util.function.Supplier;

/**
 * Builds a front connection's pipeline. HTTP/1.1: [tls] → flush consolidation → deadline → decoder →
 * encoder → idle → front door; the deadline sits before the decoder so that it sees bytes even while
 * no head is complete. HTTP/2 (ALPN "h2" on TLS, the connection preface on plain loopback): see
 * {@link Http2Front}. Which one a connection speaks is decided by {@link AlpnChoice} or
 * {@link PrefaceSniffer} before any request is read.
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
        ChannelPipeline p = ch.pipeline();
        if (tls != null) {
            p.addLast("tls", tls.get());
            p.addLast("alpn", new AlpnChoice(this));
            return;
        }
        plain(p);
    }

    /** The plain loopback listener's handlers, until the first bytes tell HTTP/1.1 from HTTP/2. */
    void plain(ChannelPipeline p) {
        addFlush(p);
        HeadDeadline deadline = new HeadDeadline(cage.limits().headersTimeoutMs(), cage.metrics());
        p.addLast("deadline", deadline);
        p.addLast("preface", new PrefaceSniffer(this, deadline));
    }

    /** The HTTP/1.1 handlers after the deadline; {@code after} is the handler they follow. */
    void http1(ChannelPipeline p, HeadDeadline deadline, String after) {
        p.addAfter(after, "decoder", new CagedRequestDecoder(cage.limits()));
        p.addAfter("decoder", "encoder", new HttpResponseEncoder());
        p.addAfter("encoder", "front", new FrontDoorHandler(cage, deadline));
    }

    /** After TLS negotiated http/1.1 (or nothing): the whole HTTP/1.1 chain, then the first read. */
    void http1AfterTls(ChannelHandlerContext ctx) {
        ChannelPipeline p = ctx.pipeline();
        addFlush(p);
        HeadDeadline deadline = new HeadDeadline(cage.limits().headersTimeoutMs(), cage.metrics());
        p.addLast("deadline", deadline);
        http1(p, deadline, "deadline");
        deadline.start();
        ctx.channel().read();
    }

    /** After ALPN "h2" or the HTTP/2 connection preface. */
    void http2(ChannelPipeline p) {
        if (p.get("flush") == null) {
            addFlush(p);
        }
        Http2Front.configure(p, cage);
    }

    private static void addFlush(ChannelPipeline p) {
        // A response's head and body pieces usually come from one read of the app: one syscall (and
        // one TLS record) for all of them instead of one per piece.
        p.addLast("flush", new FlushConsolidationHandler(FLUSHES_CONSOLIDATED_MAX, true));
    }
}

package dev.metanode.core.net.bench;

import dev.metanode.core.net.OutboundBudget;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline: a plain TLS 1.3 Netty connection (JDK provider, self-signed certificate) with
 * length-prefixed messages, sent with the same budget, event-loop writes, flush coalescing and
 * socket read sizes as our PeerConnection, so only the protocol differs.
 */
final class TlsLink implements AutoCloseable {
    private final EventLoopGroup serverGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup clientGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final AtomicLong received = new AtomicLong();
    private final OutboundBudget budget;
    private final Channel client;
    private boolean flushPending;

    // Netty 4.2 deprecates SelfSignedCertificate in favour of netty-pkitesting; for a benchmark
    // baseline it is enough, and it needs no extra dependency.
    @SuppressWarnings("deprecation")
    TlsLink(String cipherSuite, int frameBytesMax, OutboundBudget budget) throws Exception {
        this.budget = budget;
        SelfSignedCertificate certificate = new SelfSignedCertificate("localhost");
        List<String> ciphers = cipherSuite == null ? null : List.of(cipherSuite);
        SslContext serverContext = SslContextBuilder.forServer(certificate.key(), certificate.cert())
                .protocols("TLSv1.3").ciphers(ciphers).build();
        SslContext clientContext = SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE)
                .protocols("TLSv1.3").ciphers(ciphers).build();
        Channel server = new ServerBootstrap().group(serverGroup).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.RECVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator(512, 16 * 1024, 256 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(serverContext.newHandler(ch.alloc()),
                                new LengthFieldBasedFrameDecoder(frameBytesMax, 0, 4, 0, 4), new Counter());
                    }
                }).bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
        client = new Bootstrap().group(clientGroup).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(1 << 20, 4 << 20))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(clientContext.newHandler(ch.alloc()), new LengthFieldPrepender(4));
                    }
                }).connect(server.localAddress()).sync().channel();
    }

    long received() {
        return received.get();
    }

    /** Queues one message; false when the budget is spent (the caller waits and retries). */
    boolean send(byte[] payload) {
        int size = payload.length + 4;
        if (!budget.tryReserve(size)) {
            return false;
        }
        client.eventLoop().execute(() -> {
            client.write(Unpooled.wrappedBuffer(payload)).addListener((ChannelFutureListener) f -> budget.release(size));
            if (!flushPending) {
                flushPending = true;
                client.eventLoop().execute(() -> {
                    flushPending = false;
                    client.flush();
                });
            }
        });
        return true;
    }

    @Override
    public void close() {
        client.close();
        serverGroup.shutdownGracefully();
        clientGroup.shutdownGracefully();
    }

    private final class Counter extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ((ByteBuf) msg).release();
            received.incrementAndGet();
        }
    }
}

package dev.metanode.core.net.netty;

import dev.metanode.core.crypto.PublicKey;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The sockets: one event-loop group, the listener, the dialling bootstrap template, and every open
 * channel so that close() closes them all. Admission (bans, connection limit) happens here, before
 * a single byte is read.
 */
final class NettyTransport {
    /** Below this many queued bytes a channel turns writable again. */
    static final int WRITE_BUFFER_LOW_BYTES = 1 << 20;
    /** Above this many queued bytes a channel reports itself unwritable. */
    static final int WRITE_BUFFER_HIGH_BYTES = 4 << 20;
    /** Largest single socket read: a 64 KiB message then arrives in one read, not three. */
    static final int READ_BYTES_MAX = 256 * 1024;
    private static final long SHUTDOWN_QUIET_MS = 0;
    private static final long SHUTDOWN_TIMEOUT_MS = 2_000;

    private final EventLoopGroup group;
    private final ChannelGroup channels;
    private final ChannelSetup setup;
    private final PeerGuard guard;
    private final int connectionsMax;

    NettyTransport(int ioThreads, ChannelSetup setup, PeerGuard guard, int connectionsMax) {
        this.group = new MultiThreadIoEventLoopGroup(ioThreads, NioIoHandler.newFactory());
        this.channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
        this.setup = setup;
        this.guard = guard;
        this.connectionsMax = connectionsMax;
    }

    InetSocketAddress bind(InetSocketAddress address) throws InterruptedException {
        ServerBootstrap server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark())
                .childOption(ChannelOption.RECVBUF_ALLOCATOR, readSizes())
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        if (admit(channel)) {
                            setup.install(channel.pipeline(), null);
                        }
                    }
                });
        Channel listener = server.bind(address).sync().channel();
        channels.add(listener);
        return (InetSocketAddress) listener.localAddress();
    }

    /** A bootstrap whose channels handshake as initiator expecting {@code expectedKey}. */
    Bootstrap clientBootstrap(PublicKey expectedKey) {
        return new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark())
                .option(ChannelOption.RECVBUF_ALLOCATOR, readSizes())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channels.add(channel);
                        setup.install(channel.pipeline(), expectedKey);
                    }
                });
    }

    /** Tracks the channel; closes it if its address is banned or we are at connectionsMax. */
    private boolean admit(Channel channel) {
        if (channels.size() > connectionsMax || !guard.admits(channel)) {
            channel.close();
            return false;
        }
        channels.add(channel);
        return true;
    }

    void close() {
        channels.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        group.shutdownGracefully(SHUTDOWN_QUIET_MS, SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    private static AdaptiveRecvByteBufAllocator readSizes() {
        return new AdaptiveRecvByteBufAllocator(512, 16 * 1024, READ_BYTES_MAX);
    }

    private static WriteBufferWaterMark waterMark() {
        return new WriteBufferWaterMark(WRITE_BUFFER_LOW_BYTES, WRITE_BUFFER_HIGH_BYTES);
    }
}

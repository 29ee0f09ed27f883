package dev.metanode.httpcage.proxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The one loopback connection a front connection keeps to an app: opened on the first request,
 * reused while the app keeps it alive and the host stays the same. Messages sent while it is still
 * connecting wait in a backlog (at most what one client read decoded to). Event-loop confined.
 */
final class AppConnection {
    /** Limits on what the app sends back: generous, since the app is ours to run but not to trust blindly. */
    static final int APP_INITIAL_LINE_BYTES_MAX = 8 * 1024;
    static final int APP_HEADER_BYTES_MAX = 64 * 1024;

    private final FrontDoorHandler front;
    private Channel channel;
    private int port = -1;
    private boolean connecting;
    private final List<Object> backlog = new ArrayList<>();

    AppConnection(FrontDoorHandler front) {
        this.front = front;
    }

    /** Makes sure the next {@link #send} goes to {@code appPort}, connecting if needed. */
    void use(int appPort) {
        if (connecting && port == appPort || channel != null && channel.isActive() && port == appPort) {
            return;
        }
        close();
        connect(appPort);
    }

    /** Writes and flushes; when written, the front door may read more from its client. */
    void send(Object msg) {
        if (connecting) {
            backlog.add(msg);
            return;
        }
        channel.writeAndFlush(msg).addListener((ChannelFuture f) -> front.sentToApp(f.isSuccess()));
    }

    /** Asks the app connection for one more read (it runs with auto-read off). */
    void read() {
        if (channel != null) {
            channel.read();
        }
    }

    boolean is(Channel other) {
        return channel != null && channel == other;
    }

    Channel channel() {
        return channel;
    }

    /** Forgets the connection first, so that its close event is not taken for the app failing. */
    void close() {
        Channel old = channel;
        channel = null;
        port = -1;
        connecting = false;
        backlog.forEach(ReferenceCountUtil::release);
        backlog.clear();
        if (old != null) {
            old.close();
        }
    }

    private void connect(int appPort) {
        connecting = true;
        port = appPort;
        Bootstrap bootstrap = new Bootstrap().group(front.ctx.channel().eventLoop()).channel(front.cage.clientChannel())
                .option(ChannelOption.AUTO_READ, false).option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, front.cage.limits().connectTimeoutMs())
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        // The request head and its last (often empty) content leave in one write.
                        ch.pipeline().addLast("flush", new FlushConsolidationHandler(
                                FrontDoorInitializer.FLUSHES_CONSOLIDATED_MAX, true));
                        ch.pipeline().addLast("codec", new HttpClientCodec(APP_INITIAL_LINE_BYTES_MAX,
                                APP_HEADER_BYTES_MAX, front.cage.limits().chunkBytesMax()));
                        ch.pipeline().addLast("relay", new BackendRelay(front));
                    }
                });
        bootstrap.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), appPort))
                .addListener((ChannelFuture f) -> connected(f, appPort));
    }

    private void connected(ChannelFuture f, int appPort) {
        if (!connecting || port != appPort) {
            f.channel().close(); // superseded while connecting
            return;
        }
        connecting = false;
        if (!f.isSuccess()) {
            backlog.forEach(ReferenceCountUtil::release);
            backlog.clear();
            port = -1;
            front.appUnreachable();
            return;
        }
        channel = f.channel();
        List<Object> waiting = new ArrayList<>(backlog);
        backlog.clear();
        waiting.forEach(this::send);
        channel.read();
    }
}

package dev.metanode.httpcage;

import io.netty.channel.Channel;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * The socket transport: Netty's native epoll on Linux when its library loads, the JDK's NIO
 * elsewhere. The event loops, the listener and the connections to apps must all come from the
 * same transport. Set {@code -Dmetanode.transport=nio} to force NIO.
 *
 * @param name "epoll" or "nio"
 */
public record Transport(String name, java.util.function.Supplier<IoHandlerFactory> ioHandlers,
        Class<? extends ServerChannel> serverChannel, Class<? extends Channel> clientChannel) {
    private static final Transport NIO = new Transport("nio", NioIoHandler::newFactory,
            NioServerSocketChannel.class, NioSocketChannel.class);

    /** The best transport available here. */
    public static Transport best() {
        if (!"nio".equals(System.getProperty("metanode.transport")) && epollAvailable()) {
            return new Transport("epoll", EpollIoHandler::newFactory,
                    EpollServerSocketChannel.class, EpollSocketChannel.class);
        }
        return NIO;
    }

    /** The JDK's NIO transport, available everywhere. */
    public static Transport nio() {
        return NIO;
    }

    private static boolean epollAvailable() {
        try {
            return Epoll.isAvailable();
        } catch (LinkageError e) {
            return false; // the native jar or its classes are missing
        }
    }
}

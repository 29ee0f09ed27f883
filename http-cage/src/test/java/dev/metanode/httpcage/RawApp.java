package dev.metanode.httpcage;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A loopback "app" that speaks raw bytes: each accepted connection goes to {@code handler} on a
 * virtual thread and stays open until the app is closed. For apps that misbehave on purpose
 * (silent, slow), which {@link TestApp}'s HTTP server cannot be made to do.
 */
public final class RawApp implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    public RawApp(Consumer<Socket> handler) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    Socket s = server.accept();
                    held.add(s);
                    Thread.ofVirtual().start(() -> handler.accept(s));
                }
            } catch (IOException closed) {
                // the app was closed
            }
        });
    }

    /** Accepts connections, reads nothing, answers nothing. */
    public static RawApp silent() throws IOException {
        return new RawApp(s -> { });
    }

    public int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : held) {
            s.close();
        }
    }
}

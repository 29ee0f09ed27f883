package dev.metanode.httpcage;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real app behind the cage: the JDK's HTTP server on a loopback port. It echoes the method,
 * path, body size and the cage's principal header, and counts requests and client connections.
 */
public final class TestApp implements AutoCloseable {
    private final HttpServer server;
    public final AtomicInteger requests = new AtomicInteger();
    public final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

    public TestApp(String name) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            clientPorts.add(exchange.getRemoteAddress().getPort());
            byte[] in = exchange.getRequestBody().readAllBytes();
            String principal = exchange.getRequestHeaders().getFirst("x-metanode-principal");
            String text = name + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + in.length + " " + principal;
            byte[] out = text.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("content-type", "text/plain");
            exchange.sendResponseHeaders(200, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}

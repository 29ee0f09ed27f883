package dev.metanode.httpcage.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.metanode.httpcage.CageFixture;
import dev.metanode.httpcage.CageLimits;
import dev.metanode.httpcage.RawClient;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An app answering with Connection: close (nginx does after keepalive_requests) must not cost the client a 502. */
class AppClosesConnectionTest {
    @Test
    void nextRequestGoesOverAFreshAppConnection() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket app = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
             CageFixture fx = new CageFixture(CageLimits.DEFAULTS)) {
            Thread.ofVirtual().start(() -> serveOnePerConnection(app, connections));
            fx.apps.put("closer", app.getLocalPort());
            try (RawClient c = new RawClient(fx.port())) {
                for (int i = 0; i < 3; i++) {
                    RawClient.Response r = c.get(fx.host("closer"), "/" + i);
                    assertEquals(200, r.status());
                    assertEquals("ok", r.body());
                }
            }
            assertEquals(3, connections.get());
        }
    }

    private static void serveOnePerConnection(ServerSocket app, AtomicInteger connections) {
        while (!app.isClosed()) {
            try (Socket s = app.accept()) {
                connections.incrementAndGet();
                InputStream in = s.getInputStream();
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    head.write(in.read());
                }
                s.getOutputStream().write("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok"
                        .getBytes(StandardCharsets.ISO_8859_1));
            } catch (Exception e) {
                return;
            }
        }
    }
}

package dev.metanode.httpcage.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.metanode.httpcage.CageFixture;
import dev.metanode.httpcage.CageLimits;
import dev.metanode.httpcage.RawClient;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** After a 101 the cage relays bytes both ways without looking at them. */
class WebSocketPassThroughTest {
    @Test
    void upgradeThenBytesFlowBothWays() throws Exception {
        try (ServerSocket app = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
             CageFixture fx = new CageFixture(CageLimits.DEFAULTS)) {
            Thread appThread = Thread.ofVirtual().start(() -> echoAfterUpgrade(app));
            fx.apps.put("ws", app.getLocalPort());
            try (RawClient c = new RawClient(fx.port())) {
                c.send("GET /chat HTTP/1.1\r\nHost: " + fx.host("ws") + "\r\nConnection: Upgrade\r\n"
                        + "Upgrade: websocket\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                        + "Sec-WebSocket-Version: 13\r\n\r\n");
                RawClient.Response r = c.read();
                assertEquals(101, r.status());
                assertEquals("websocket", r.headers().get("upgrade"));
                c.send("\u0081\u0004ping");
                assertEquals("\u0081\u0004ping", new String(c.in().readNBytes(6), StandardCharsets.ISO_8859_1));
            }
            appThread.join(5000);
        }
    }

    @Test
    void aWebSocketUpgradeCarryingH2cHeadersStaysAWebSocketRelay() throws Exception {
        // Upgrade names websocket: the cage's own h2c upgrade must not take it, whatever else is sent.
        try (ServerSocket app = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
             CageFixture fx = new CageFixture(CageLimits.DEFAULTS)) {
            Thread appThread = Thread.ofVirtual().start(() -> echoAfterUpgrade(app));
            fx.apps.put("ws", app.getLocalPort());
            try (RawClient c = new RawClient(fx.port())) {
                c.send("GET /chat HTTP/1.1\r\nHost: " + fx.host("ws") + "\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                        + "Upgrade: websocket\r\nHTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA\r\n"
                        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
                RawClient.Response r = c.read();
                assertEquals(101, r.status());
                assertEquals("websocket", r.headers().get("upgrade"));
                c.send("\u0081\u0004ping");
                assertEquals("\u0081\u0004ping", new String(c.in().readNBytes(6), StandardCharsets.ISO_8859_1));
            }
            appThread.join(5000);
        }
    }

    private static void echoAfterUpgrade(ServerSocket app) {
        try (Socket s = app.accept()) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                head.write(in.read());
            }
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            byte[] frame = in.readNBytes(6);
            out.write(frame);
            out.flush();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.metanode.httpcage.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.httpcage.CageFixture;
import dev.metanode.httpcage.CageLimits;
import dev.metanode.httpcage.H2Client;
import dev.metanode.httpcage.TestApp;
import io.netty.util.ResourceLeakDetector;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile bytes after the HTTP/2 preface (random frames, truncated frames, frames with huge
 * lengths): the cage ends the connection (GOAWAY and close, or just close) within the read timeout,
 * and keeps serving new connections. Seeded, so a failure names the bytes that caused it.
 */
class Http2FuzzTest {
    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int RUNS = 200;

    @Test
    void hostileFramesAfterThePrefaceCloseTheConnectionCleanly() throws Exception {
        ResourceLeakDetector.Level before = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        try (TestApp hello = new TestApp("hello"); CageFixture fx = new CageFixture(CageLimits.DEFAULTS)) {
            fx.apps.put("hello", hello.port());
            for (int seed = 0; seed < RUNS; seed++) {
                byte[] hostile = hostile(new Random(seed));
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), fx.port())) {
                    s.setSoTimeout(5_000);
                    OutputStream out = s.getOutputStream();
                    out.write(PREFACE);
                    out.write(hostile);
                    out.flush();
                    s.shutdownOutput();
                    assertTrue(drainsToEnd(s.getInputStream()), "seed " + seed + ": the connection was not closed");
                } catch (SocketException reset) {
                    // a reset is a clean refusal too
                }
            }
            try (H2Client c = new H2Client(fx.port(), null, null)) {
                assertEquals(200, c.get(fx.host("hello"), "/after", Map.of()).status(), "still serving");
            }
        } finally {
            ResourceLeakDetector.setLevel(before);
        }
    }

    /** A SETTINGS frame (sometimes), then random frames with random types, flags, stream ids and lengths. */
    private static byte[] hostile(Random random) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        if (random.nextBoolean()) {
            out.writeBytes(new byte[] {0, 0, 0, 4, 0, 0, 0, 0, 0});
        }
        int frames = 1 + random.nextInt(6);
        for (int i = 0; i < frames; i++) {
            int length = random.nextInt(4) == 0 ? 0xFFFFFF : random.nextInt(64);
            int sent = Math.min(length, random.nextInt(80));
            out.write(length >>> 16);
            out.write(length >>> 8);
            out.write(length);
            out.write(random.nextInt(12));
            out.write(random.nextInt(256));
            int stream = random.nextInt(4) == 0 ? random.nextInt() : random.nextInt(8);
            out.writeBytes(new byte[] {(byte) (stream >>> 24), (byte) (stream >>> 16), (byte) (stream >>> 8), (byte) stream});
            byte[] payload = new byte[sent];
            random.nextBytes(payload);
            out.writeBytes(payload);
        }
        return out.toByteArray();
    }

    private static boolean drainsToEnd(InputStream in) throws java.io.IOException {
        byte[] buf = new byte[4096];
        try {
            while (in.read(buf) >= 0) {
                // GOAWAY and whatever else the cage says before it closes
            }
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        }
    }
}

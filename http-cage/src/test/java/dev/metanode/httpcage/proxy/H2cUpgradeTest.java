package dev.metanode.httpcage.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.kernel.Clock;
import dev.metanode.httpcage.CageLimits;
import dev.metanode.httpcage.Gates;
import dev.metanode.httpcage.H2Wire;
import dev.metanode.httpcage.metrics.CageMetrics;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.DefaultChannelId;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.local.LocalServerChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameTypes;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code Upgrade: h2c} on the plain listener's own pipeline ({@link FrontDoorInitializer#plain}) on an
 * {@link EmbeddedChannel}: every byte the cage writes is seen, no socket. The requests go to the API
 * host's {@code /cage/metrics}, which the cage answers itself, so no app is needed.
 */
class H2cUpgradeTest {
    private static final String METRICS = "/cage/metrics";
    private EmbeddedChannel channel;

    @AfterEach
    void close() {
        if (channel != null) {
            channel.finishAndReleaseAll();
        }
    }

    private static EmbeddedChannel frontDoor(String scheme) {
        ProxyContext cage = new ProxyContext(CageLimits.DEFAULTS, new HostRouter(app -> Optional.empty(), OptionalInt.of(1)),
                Gates.none(), null, new CageMetrics(), Clock.SYSTEM, scheme, NioSocketChannel.class, null, app -> false,
                null, null);
        FrontDoorInitializer doors = new FrontDoorInitializer(cage, null);
        // A connection accepted by a server channel: Netty's HTTP/2 multiplexer tells server from client by the parent.
        return new EmbeddedChannel(new LocalServerChannel(), DefaultChannelId.newInstance(), true, false,
                new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        doors.plain(ch.pipeline());
                    }
                });
    }

    @Test
    void answers101ThenItsSettingsThenTheRequestOnStream1() throws Exception {
        channel = frontDoor("http");
        H2Wire wire = new H2Wire();
        channel.writeInbound(ascii(H2Wire.upgradeRequest("localhost", METRICS, H2Wire.CURL_SETTINGS, "")));
        ByteBuf out = written();
        String head = http1Head(out);
        assertTrue(head.startsWith("HTTP/1.1 101 Switching Protocols\r\n"), head);
        assertTrue(head.toLowerCase(Locale.ROOT).contains("upgrade: h2c\r\n"), head);
        wire.feed(out);
        assertEquals(Http2FrameTypes.SETTINGS, wire.frames().get(0).type(), "the server preface comes first: " + wire.frames());
        H2Wire.Response first = wire.response(1).orElseThrow(() -> new AssertionError("no response on stream 1: " + wire.frames()));
        assertEquals(200, first.status());
        assertTrue(first.body().contains("metanode_http_requests_total"), first.body());
        assertFalse(first.headers().containsKey("connection"), "no connection-specific header in HTTP/2");
        assertNull(channel.pipeline().get("decoder"), "the HTTP/1 handlers have left");
        assertNull(channel.pipeline().get(FrontDoorHandler.class));
        assertNotNull(channel.pipeline().get(Http2FrameCodec.class));

        channel.writeInbound(Unpooled.wrappedBuffer(wire.preface(), wire.get(3, "localhost", METRICS, Map.of())));
        wire.feed(written());
        assertEquals(200, wire.response(3).orElseThrow(() -> new AssertionError(wire.frames().toString())).status());
        assertTrue(channel.isActive());
    }

    @Test
    void aPrefaceSentWithTheRequestReachesTheHttp2Codec() throws Exception {
        channel = frontDoor("http");
        H2Wire wire = new H2Wire();
        // Clients wait for the 101 before the preface (RFC 7540 3.5); bytes that come early are still not lost.
        byte[] request = H2Wire.upgradeRequest("localhost", METRICS, H2Wire.CURL_SETTINGS, "")
                .getBytes(StandardCharsets.ISO_8859_1);
        channel.writeInbound(Unpooled.wrappedBuffer(request, wire.preface(), wire.get(3, "localhost", METRICS, Map.of())));
        ByteBuf out = written();
        assertTrue(http1Head(out).startsWith("HTTP/1.1 101 "));
        wire.feed(out);
        assertEquals(200, wire.response(1).orElseThrow(() -> new AssertionError(wire.frames().toString())).status());
        assertEquals(200, wire.response(3).orElseThrow(() -> new AssertionError(wire.frames().toString())).status());
    }

    /** Requests the cage answers in HTTP/1.1 instead of upgrading. */
    static Stream<Arguments> notUpgraded() {
        String valid = H2Wire.CURL_SETTINGS;
        return Stream.of(
                Arguments.of("a body", H2Wire.upgradeRequest("localhost", METRICS, valid, "Content-Length: 5\r\n") + "hello"),
                Arguments.of("a chunked body", H2Wire.upgradeRequest("localhost", METRICS, valid,
                        "Transfer-Encoding: chunked\r\n") + "5\r\nhello\r\n0\r\n\r\n"),
                Arguments.of("settings not base64url", H2Wire.upgradeRequest("localhost", METRICS, "AAMAAABk+AQCAAAAAAIAAAAA", "")),
                Arguments.of("settings of 4 bytes", H2Wire.upgradeRequest("localhost", METRICS, "AAMAAA", "")),
                Arguments.of("ENABLE_PUSH 2", H2Wire.upgradeRequest("localhost", METRICS, "AAIAAAAC", "")),
                Arguments.of("settings over the length limit", H2Wire.upgradeRequest("localhost", METRICS,
                        "AAAAAAAA".repeat(Http2SettingsHeader.HEADER_CHARS_MAX / 8 + 1), "")),
                Arguments.of("two settings headers", H2Wire.upgradeRequest("localhost", METRICS, valid,
                        "HTTP2-Settings: " + valid + "\r\n")),
                Arguments.of("no settings header", "GET " + METRICS + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n\r\n"),
                Arguments.of("Connection not naming HTTP2-Settings", "GET " + METRICS + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Connection: Upgrade\r\nUpgrade: h2c\r\nHTTP2-Settings: " + valid + "\r\n\r\n"),
                Arguments.of("HTTP/1.0", H2Wire.upgradeRequest("localhost", METRICS, valid, "")
                        .replace("HTTP/1.1", "HTTP/1.0")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notUpgraded")
    void answeredInHttp11(String why, String request) {
        channel = frontDoor("http");
        channel.writeInbound(ascii(request));
        String head = http1Head(written());
        assertTrue(head.matches("HTTP/1\\.[01] 200 OK\r\n(?s).*"), why + ": " + head);
        assertFalse(head.toLowerCase(Locale.ROOT).contains("upgrade"), head);
        assertNull(channel.pipeline().get(Http2FrameCodec.class), why);
    }

    @Test
    void theTlsListenerNeverUpgrades() {
        channel = frontDoor("https"); // TLS's HTTP/1.1 handlers are these, behind the TLS handler
        channel.writeInbound(ascii(H2Wire.upgradeRequest("localhost", METRICS, H2Wire.CURL_SETTINGS, "")));
        assertTrue(http1Head(written()).startsWith("HTTP/1.1 200 OK\r\n"));
        assertNull(channel.pipeline().get(Http2FrameCodec.class));
    }

    @Test
    void anHttp11ConnectionCanUpgradeOnALaterRequest() throws Exception {
        channel = frontDoor("http");
        channel.writeInbound(ascii("GET " + METRICS + " HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        assertTrue(http1Head(written()).startsWith("HTTP/1.1 200 OK\r\n"));
        channel.writeInbound(ascii(H2Wire.upgradeRequest("localhost", METRICS, H2Wire.CURL_SETTINGS, "")));
        ByteBuf out = written();
        assertTrue(http1Head(out).startsWith("HTTP/1.1 101 "));
        H2Wire wire = new H2Wire();
        wire.feed(out);
        assertEquals(200, wire.response(1).orElseThrow(() -> new AssertionError(wire.frames().toString())).status());
    }

    private static ByteBuf ascii(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
    }

    /** Everything the cage wrote so far, in one buffer. */
    private ByteBuf written() {
        channel.runPendingTasks();
        if (channel.isOpen()) {
            channel.flushOutbound();
        }
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf b = channel.readOutbound(); b != null; b = channel.readOutbound()) {
            all.writeBytes(b);
            b.release();
        }
        return all;
    }

    /** Reads an HTTP/1 response head (through the blank line) off {@code out}, leaving what follows. */
    private static String http1Head(ByteBuf out) {
        String text = out.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        assertTrue(end > 0, "no HTTP/1 head in: " + text);
        out.skipBytes(end + 4);
        return text.substring(0, end + 4);
    }
}

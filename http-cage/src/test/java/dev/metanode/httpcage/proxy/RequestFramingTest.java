package dev.metanode.httpcage.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.httpcage.CageLimits;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The decoder and the framing check on an {@link EmbeddedChannel}, no socket. */
class RequestFramingTest {
    private static Optional<RequestFraming.Refusal> decode(String head) {
        EmbeddedChannel channel = new EmbeddedChannel(new CagedRequestDecoder(CageLimits.DEFAULTS.withHeaderBytesMax(256)));
        try {
            channel.writeInbound(Unpooled.copiedBuffer(head, StandardCharsets.ISO_8859_1));
            HttpRequest request = channel.readInbound();
            return RequestFraming.check(request, CageLimits.DEFAULTS.withBodyBytesMax(100));
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void framingRules() {
        assertTrue(decode("GET / HTTP/1.1\r\nHost: a\r\n\r\n").isEmpty());
        assertEquals(400, decode("POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n")
                .orElseThrow().status().code());
        assertEquals(400, decode("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n")
                .orElseThrow().status().code());
        assertEquals(400, decode("POST / HTTP/1.1\r\nTransfer-Encoding: identity\r\n\r\n").orElseThrow().status().code());
        assertEquals(400, decode("POST / HTTP/1.1\r\nContent-Length: +3\r\n\r\n").orElseThrow().status().code());
        assertEquals(413, decode("POST / HTTP/1.1\r\nContent-Length: 101\r\n\r\n").orElseThrow().status().code());
        assertEquals(431, decode("GET / HTTP/1.1\r\nX: " + "a".repeat(300) + "\r\n\r\n").orElseThrow().status().code());
        assertEquals(400, decode("GET / HTTP/1.1\r\nBad Header: x\r\n\r\n").orElseThrow().status().code());
    }

    @Test
    void hostRouting() {
        HostRouter router = new HostRouter(app -> app.equals("hello") ? Optional.of(9000) : Optional.empty(),
                java.util.OptionalInt.of(7000));
        assertEquals(9000, router.route("Hello.Localhost:8443").orElseThrow().port());
        assertEquals(7000, router.route("localhost:8443").orElseThrow().port());
        assertTrue(router.route("a.b.localhost").isEmpty());
        assertTrue(router.route("-x.localhost").isEmpty());
        assertTrue(router.route("hello.localhost.evil.com").isEmpty());
        assertTrue(router.route(null).isEmpty());
    }
}

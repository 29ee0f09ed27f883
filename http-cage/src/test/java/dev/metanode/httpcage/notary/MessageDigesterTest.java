package dev.metanode.httpcage.notary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageDigesterTest {
    /** The digest as the format defines it, written the plain way: concatenate the text, UTF-8 it, hash it. */
    private static byte[] reference(String startLine, HttpHeaders headers, byte[] body) throws Exception {
        StringBuilder text = new StringBuilder(startLine).append("\r\n");
        for (Map.Entry<String, String> h : headers) {
            text.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        text.append("\r\n");
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(text.toString().getBytes(StandardCharsets.UTF_8));
        md.update(body);
        return md.digest();
    }

    private static void check(String startLine, HttpHeaders headers, byte[] body) throws Exception {
        MessageDigester digester = new MessageDigester(startLine, headers::iteratorCharSequence);
        digester.body(ByteBuffer.wrap(body, 0, body.length / 2));
        digester.body(ByteBuffer.wrap(body, body.length / 2, body.length - body.length / 2));
        assertArrayEquals(reference(startLine, headers, body), digester.finish());
        assertEquals(body.length, digester.bodyBytes());
    }

    @Test
    void asciiHeadersAndABodyInPieces() throws Exception {
        HttpHeaders headers = new DefaultHttpHeaders().add("Host", "app.localhost").add("Accept", "*/*")
                .add("X-Dup", "1").add("X-Dup", "2");
        check("POST /upload?x=1 HTTP/1.1", headers, "hello, body".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void latinOneAndWiderCharactersAreUtf8() throws Exception {
        HttpHeaders headers = new DefaultHttpHeaders(false).add("X-Latin", "caf\u00e9").add("X-Euro", "\u20ac 5")
                .add("X-Pair", "a\ud83d\ude00b").add("X-After", "plain");
        check("GET /\u00e9 HTTP/1.1", headers, new byte[0]);
    }

    @Test
    void aHeadLargerThanTheScratchBuffer() throws Exception {
        HttpHeaders headers = new DefaultHttpHeaders();
        for (int i = 0; i < 40; i++) {
            headers.add("X-Long-" + i, "v".repeat(300) + "\u00fc");
        }
        check("HTTP/1.1 200 OK", headers, new byte[70_000]);
    }

    @Test
    void countingOnlyHashesNothing() {
        MessageDigester counting = MessageDigester.counting();
        counting.body(ByteBuffer.allocate(123));
        assertEquals(123, counting.bodyBytes());
        assertEquals(0, counting.finish().length);
    }
}

package dev.metanode.httpcage.notary;

import dev.metanode.core.crypto.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * SHA-256 of one HTTP message as the cage saw it, computed while the body streams past:
 * the start line, CRLF, each header as {@code name: value} CRLF in the order sent, CRLF, then the
 * body with any chunked framing removed. Anyone holding the message can recompute it.
 */
public final class MessageDigester {
    private static final byte[] CRLF = {'\r', '\n'};
    private final MessageDigest digest;
    private long bodyBytes;

    public MessageDigester(String startLine, Iterable<Map.Entry<String, String>> headers) {
        this(startLine, headers, true);
    }

    /** With {@code hash} false it only counts body bytes: nothing will be notarised, so hashing is waste. */
    public MessageDigester(String startLine, Iterable<Map.Entry<String, String>> headers, boolean hash) {
        digest = hash ? Sha256.newDigest() : null;
        if (digest == null) {
            return;
        }
        digest.update(startLine.getBytes(StandardCharsets.UTF_8));
        digest.update(CRLF);
        for (Map.Entry<String, String> header : headers) {
            digest.update((header.getKey() + ": " + header.getValue()).getBytes(StandardCharsets.UTF_8));
            digest.update(CRLF);
        }
        digest.update(CRLF);
    }

    /** Adds body bytes; the buffer's position moves to its limit. */
    public void body(ByteBuffer bytes) {
        bodyBytes += bytes.remaining();
        if (digest != null) {
            digest.update(bytes);
        }
    }

    public long bodyBytes() {
        return bodyBytes;
    }

    /** The digest; empty (zero-length) when built without hashing. */
    public byte[] finish() {
        return digest == null ? new byte[0] : digest.digest();
    }
}

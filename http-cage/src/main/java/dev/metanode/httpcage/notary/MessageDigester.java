package dev.metanode.httpcage.notary;

import dev.metanode.core.crypto.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * SHA-256 of one HTTP message as the cage saw it, computed while the body streams past:
 * the start line, CRLF, each header as {@code name: value} CRLF in the order sent, CRLF, then the
 * body with any chunked framing removed; text in UTF-8. Anyone holding the message can recompute it.
 */
public final class MessageDigester {
    private static final int SCRATCH_BYTES = 4096;
    /** The head is encoded into this and hashed in a few large updates rather than one per header. */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[SCRATCH_BYTES]);

    private final MessageDigest digest;
    private long bodyBytes;
    private byte[] scratch;
    private int used;

    /**
     * @param headers the headers in the order sent; {@code HttpHeaders::iteratorCharSequence} avoids
     *                making a String of each
     */
    public MessageDigester(CharSequence startLine,
            Iterable<Map.Entry<CharSequence, CharSequence>> headers) {
        digest = Sha256.newDigest();
        scratch = SCRATCH.get();
        text(startLine);
        crlf();
        for (Map.Entry<CharSequence, CharSequence> header : headers) {
            text(header.getKey());
            put((byte) ':');
            put((byte) ' ');
            text(header.getValue());
            crlf();
        }
        crlf();
        digest.update(scratch, 0, used);
        scratch = null; // the buffer belongs to the thread, not to this message
    }

    private MessageDigester() {
        digest = null;
    }

    /** Counts body bytes only: nothing will be notarised, so hashing would be waste. */
    public static MessageDigester counting() {
        return new MessageDigester();
    }

    private void text(CharSequence s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                put((byte) c);
            } else if (c < 0x800) {
                put((byte) (0xc0 | c >> 6));
                put((byte) (0x80 | c & 0x3f));
            } else {
                // Rare in a header (three-byte characters, surrogate pairs): the JDK's encoder,
                // for the rest of this piece, so the bytes are exactly its UTF-8.
                flush();
                digest.update(s.subSequence(i, n).toString().getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
    }

    private void crlf() {
        put((byte) '\r');
        put((byte) '\n');
    }

    private void put(byte b) {
        if (used == scratch.length) {
            flush();
        }
        scratch[used++] = b;
    }

    private void flush() {
        digest.update(scratch, 0, used);
        used = 0;
    }

    /** Adds body bytes; the buffer's position moves to its limit. */
    public void body(ByteBuffer bytes) {
        bodyBytes += bytes.remaining();
        if (digest != null) {
            digest.update(bytes);
        } else {
            bytes.position(bytes.limit());
        }
    }

    public long bodyBytes() {
        return bodyBytes;
    }

    /** The digest; empty (zero-length) when only counting. */
    public byte[] finish() {
        return digest == null ? new byte[0] : digest.digest();
    }
}

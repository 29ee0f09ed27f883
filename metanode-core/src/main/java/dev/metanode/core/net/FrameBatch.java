package dev.metanode.core.net;

import java.util.ArrayList;
import java.util.List;

/**
 * The plaintext of one transport frame: one or more envelopes, each as {@code u32 length ||
 * envelope}. Envelopes written between two flushes share a frame, so a burst of small messages
 * costs one AEAD operation and one buffer instead of one each (TLS coalesces records the same
 * way). Not thread-safe: it belongs to one channel's event loop.
 */
public final class FrameBatch {
    public static final int RECORD_PREFIX_BYTES = 4;
    /** A batch this full is sealed at once instead of waiting for the flush. */
    public static final int BATCH_BYTES_TARGET = 64 * 1024;

    private final int plaintextBytesMax;
    private final int sealAtBytes;
    private byte[] buffer;
    private int used;
    private int envelopes;

    public FrameBatch(int plaintextBytesMax) {
        if (plaintextBytesMax <= RECORD_PREFIX_BYTES) {
            throw new IllegalArgumentException("plaintextBytesMax too small: " + plaintextBytesMax);
        }
        this.plaintextBytesMax = plaintextBytesMax;
        this.sealAtBytes = Math.min(BATCH_BYTES_TARGET, plaintextBytesMax);
        this.buffer = new byte[Math.min(sealAtBytes, 4096)];
    }

    /** True if the envelope fits after what the batch holds (an empty batch takes any allowed envelope). */
    public boolean fits(Envelope envelope) {
        return used + RECORD_PREFIX_BYTES + envelope.encodedBytes() <= plaintextBytesMax;
    }

    public void add(Envelope envelope) {
        int length = envelope.encodedBytes();
        if (!fits(envelope)) {
            throw new IllegalArgumentException("envelope of " + length + " bytes does not fit the frame");
        }
        ensureCapacity(used + RECORD_PREFIX_BYTES + length);
        FrameFormat.writeLength(buffer, used, length);
        used = envelope.encodeInto(buffer, used + RECORD_PREFIX_BYTES);
        envelopes++;
    }

    /** True once the batch is big enough to seal without waiting for a flush. */
    public boolean full() {
        return used >= sealAtBytes;
    }

    public boolean isEmpty() {
        return envelopes == 0;
    }

    public byte[] buffer() {
        return buffer;
    }

    public int bytes() {
        return used;
    }

    public void clear() {
        used = 0;
        envelopes = 0;
    }

    /** Splits a frame's plaintext into envelopes; anything malformed is a {@link TransportException}. */
    public static List<Envelope> decode(byte[] plaintext) {
        return decode(plaintext, plaintext.length);
    }

    /** Decodes plaintext[0, end). */
    public static List<Envelope> decode(byte[] plaintext, int end) {
        List<Envelope> out = new ArrayList<>(4);
        int at = 0;
        while (at < end) {
            if (end - at < RECORD_PREFIX_BYTES) {
                throw new TransportException("truncated envelope length in frame");
            }
            long length = FrameFormat.readLength(plaintext, at);
            at += RECORD_PREFIX_BYTES;
            if (length > end - at) {
                throw new TransportException("envelope length " + length + " runs past the frame");
            }
            out.add(Envelope.decode(plaintext, at, (int) length));
            at += (int) length;
        }
        if (out.isEmpty()) {
            throw new TransportException("frame without envelopes");
        }
        return out;
    }

    private void ensureCapacity(int needed) {
        if (needed > buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, Math.min(plaintextBytesMax, Math.max(needed, buffer.length * 2)));
        }
    }
}

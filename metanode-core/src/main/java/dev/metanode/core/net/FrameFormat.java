package dev.metanode.core.net;

/**
 * The wire framing shared by handshake and transport frames: a 4-byte big-endian body length, then
 * the body. A length of zero or above the limit is refused before any byte of the body is buffered,
 * so a peer cannot make us allocate more than frameBytesMax.
 */
public final class FrameFormat {
    public static final int LENGTH_BYTES = 4;

    private FrameFormat() {}

    /** Returns the length if acceptable, else throws. */
    public static int checkLength(long bodyBytes, int frameBytesMax) {
        if (bodyBytes <= 0) {
            throw new TransportException("empty or negative frame length " + bodyBytes);
        }
        if (bodyBytes > frameBytesMax) {
            throw new TransportException("frame of " + bodyBytes + " bytes exceeds frameBytesMax " + frameBytesMax);
        }
        return (int) bodyBytes;
    }

    static void writeLength(byte[] out, int bodyBytes) {
        writeLength(out, 0, bodyBytes);
    }

    static void writeLength(byte[] out, int at, int bodyBytes) {
        out[at] = (byte) (bodyBytes >>> 24);
        out[at + 1] = (byte) (bodyBytes >>> 16);
        out[at + 2] = (byte) (bodyBytes >>> 8);
        out[at + 3] = (byte) bodyBytes;
    }

    /** Reads a big-endian u32 as a non-negative long. */
    static long readLength(byte[] in, int at) {
        return ((in[at] & 0xFFL) << 24) | ((in[at + 1] & 0xFF) << 16) | ((in[at + 2] & 0xFF) << 8) | (in[at + 3] & 0xFF);
    }

    static byte[] lengthBytes(int bodyBytes) {
        byte[] out = new byte[LENGTH_BYTES];
        writeLength(out, bodyBytes);
        return out;
    }

    /** Wraps a plaintext handshake message in a frame. */
    public static byte[] frame(byte[] body) {
        byte[] out = new byte[LENGTH_BYTES + body.length];
        writeLength(out, body.length);
        System.arraycopy(body, 0, out, LENGTH_BYTES, body.length);
        return out;
    }
}

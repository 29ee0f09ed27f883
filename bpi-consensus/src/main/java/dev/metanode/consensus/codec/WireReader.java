package dev.metanode.consensus.codec;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * Reads what {@link WireWriter} wrote, from outside input: every length is checked against the
 * caller's limit before anything is allocated, and every failure is a {@link MalformedMessageException}.
 */
public final class WireReader {
    private final ByteBuffer in;

    public WireReader(byte[] bytes) {
        this.in = ByteBuffer.wrap(bytes);
    }

    public int u8() throws MalformedMessageException {
        return Byte.toUnsignedInt(guard(() -> in.get()));
    }

    public int i32() throws MalformedMessageException {
        return guard(in::getInt);
    }

    public long i64() throws MalformedMessageException {
        return guard(in::getLong);
    }

    /** A count in [0, max]. */
    public int count(int max, String what) throws MalformedMessageException {
        int n = i32();
        if (n < 0 || n > max) {
            throw new MalformedMessageException(what + " count " + n + " is outside 0.." + max);
        }
        return n;
    }

    public byte[] fixed(int length) throws MalformedMessageException {
        byte[] b = new byte[length];
        guard(() -> in.get(b));
        return b;
    }

    public byte[] bytes(int max, String what) throws MalformedMessageException {
        int length = count(max, what + " length");
        if (length > in.remaining()) {
            throw new MalformedMessageException(what + " is truncated");
        }
        return fixed(length);
    }

    /** Steps over a length-prefixed field without copying it. */
    public void skipBytes(int max, String what) throws MalformedMessageException {
        int length = count(max, what + " length");
        if (length > in.remaining()) {
            throw new MalformedMessageException(what + " is truncated");
        }
        in.position(in.position() + length);
    }

    public void end() throws MalformedMessageException {
        if (in.hasRemaining()) {
            throw new MalformedMessageException(in.remaining() + " trailing bytes");
        }
    }

    private interface Read<T> {
        T get();
    }

    private static <T> T guard(Read<T> read) throws MalformedMessageException {
        try {
            return read.get();
        } catch (BufferUnderflowException e) {
            throw new MalformedMessageException("message is truncated");
        }
    }
}

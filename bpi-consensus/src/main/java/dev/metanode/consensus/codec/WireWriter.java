package dev.metanode.consensus.codec;

import java.io.ByteArrayOutputStream;

/** Builds the bounded binary form of consensus messages: big-endian integers, length-prefixed byte strings. */
public final class WireWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    public WireWriter u8(int value) {
        out.write(value);
        return this;
    }

    public WireWriter i32(int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
        return this;
    }

    public WireWriter i64(long value) {
        i32((int) (value >>> 32));
        i32((int) value);
        return this;
    }

    /** Exactly {@code value.length} bytes, no prefix: for fields of fixed size. */
    public WireWriter fixed(byte[] value) {
        out.writeBytes(value);
        return this;
    }

    /** A 4-byte length, then the bytes. */
    public WireWriter bytes(byte[] value) {
        i32(value.length);
        out.writeBytes(value);
        return this;
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }
}

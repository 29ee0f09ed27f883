package dev.metanode.core.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The codecs every column needs. */
public final class Codecs {
    private Codecs() {}

    /** Big-endian unsigned longs, so byte order is numeric order for non-negative values. */
    public static final Codec<Long> LONG = new Codec<>() {
        @Override
        public byte[] encode(Long value) {
            return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
        }

        @Override
        public Long decode(byte[] bytes) {
            if (bytes.length != Long.BYTES) {
                throw new StoreCorruptionException("a long key or value has 8 bytes, found " + bytes.length);
            }
            return ByteBuffer.wrap(bytes).getLong();
        }
    };

    public static final Codec<byte[]> BYTES = new Codec<>() {
        @Override
        public byte[] encode(byte[] value) {
            return value;
        }

        @Override
        public byte[] decode(byte[] bytes) {
            return bytes;
        }
    };

    public static final Codec<String> UTF8 = new Codec<>() {
        @Override
        public byte[] encode(String value) {
            return value.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String decode(byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    };
}

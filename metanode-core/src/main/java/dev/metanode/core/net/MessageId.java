package dev.metanode.core.net;

import dev.metanode.core.crypto.Sha256;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A gossip message's id: SHA-256 over its type, version and payload. The same content is the same
 * message wherever it comes from, which is what deduplication needs.
 */
public final class MessageId {
    private static final byte DOMAIN = 0x47; // 'G': keeps these hashes apart from other SHA-256 uses

    private final byte[] digest;

    private MessageId(byte[] digest) {
        this.digest = digest;
    }

    public static MessageId of(Message message) {
        byte[] header = {(byte) (message.typeId() >>> 8), (byte) message.typeId(), (byte) message.version()};
        return new MessageId(Sha256.digest(DOMAIN, header, message.payload()));
    }

    public byte[] bytes() {
        return digest.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageId other && Arrays.equals(digest, other.digest);
    }

    @Override
    public int hashCode() {
        return (digest[0] & 0xFF) << 24 | (digest[1] & 0xFF) << 16 | (digest[2] & 0xFF) << 8 | (digest[3] & 0xFF);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(digest, 0, 8);
    }
}

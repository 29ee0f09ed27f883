package dev.metanode.core.net;

import java.util.Arrays;

/**
 * A typed, versioned message: what modules send and receive. The transport never looks inside the
 * payload; the type and version say how the receiver decodes it.
 *
 * @param typeId 0..65535, registered in a {@link MessageRegistry}
 * @param version 0..255, the payload format of that type
 * @param payload the bytes; not copied, so callers must not change them after sending
 */
public record Message(int typeId, int version, byte[] payload) {
    public static final int TYPE_ID_MAX = 0xFFFF;
    public static final int VERSION_MAX = 0xFF;

    public Message {
        if (typeId < 0 || typeId > TYPE_ID_MAX) {
            throw new IllegalArgumentException("typeId out of range: " + typeId);
        }
        if (version < 0 || version > VERSION_MAX) {
            throw new IllegalArgumentException("version out of range: " + version);
        }
        if (payload == null) {
            throw new IllegalArgumentException("payload may be empty but not null");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Message m && m.typeId == typeId && m.version == version
                && Arrays.equals(m.payload, payload);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * typeId + version) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "Message[type " + typeId + " v" + version + ", " + payload.length + " bytes]";
    }
}

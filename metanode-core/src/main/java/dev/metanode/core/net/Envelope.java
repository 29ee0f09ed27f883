package dev.metanode.core.net;

/**
 * A message as it travels inside one encrypted frame:
 * <pre>
 *   u8 kind (1 direct, 2 gossip) | u16 type id | u8 version | [u8 hops, gossip only] | payload
 * </pre>
 * {@code hops} counts the links a gossip message has crossed, the first included.
 */
public record Envelope(Kind kind, int hops, Message message) {
    public static final int HEADER_BYTES_MAX = 5;

    /** Direct messages go to one peer; gossip is relayed to all. */
    public enum Kind { DIRECT, GOSSIP }

    public static Envelope direct(Message message) {
        return new Envelope(Kind.DIRECT, 0, message);
    }

    public static Envelope gossip(Message message, int hops) {
        return new Envelope(Kind.GOSSIP, hops, message);
    }

    public byte[] encode() {
        byte[] payload = message.payload();
        int header = kind == Kind.GOSSIP ? 5 : 4;
        byte[] out = new byte[header + payload.length];
        out[0] = (byte) (kind == Kind.GOSSIP ? 2 : 1);
        out[1] = (byte) (message.typeId() >>> 8);
        out[2] = (byte) message.typeId();
        out[3] = (byte) message.version();
        if (kind == Kind.GOSSIP) {
            out[4] = (byte) hops;
        }
        System.arraycopy(payload, 0, out, header, payload.length);
        return out;
    }

    /** Decodes a frame's plaintext; anything malformed is a {@link TransportException}. */
    public static Envelope decode(byte[] bytes) {
        if (bytes.length < 4) {
            throw new TransportException("envelope of " + bytes.length + " bytes is shorter than its header");
        }
        int typeId = ((bytes[1] & 0xFF) << 8) | (bytes[2] & 0xFF);
        int version = bytes[3] & 0xFF;
        return switch (bytes[0]) {
            case 1 -> direct(new Message(typeId, version, slice(bytes, 4)));
            case 2 -> {
                if (bytes.length < 5 || bytes[4] == 0) {
                    throw new TransportException("gossip envelope without a valid hop count");
                }
                yield gossip(new Message(typeId, version, slice(bytes, 5)), bytes[4] & 0xFF);
            }
            default -> throw new TransportException("unknown envelope kind " + (bytes[0] & 0xFF));
        };
    }

    private static byte[] slice(byte[] bytes, int from) {
        byte[] out = new byte[bytes.length - from];
        System.arraycopy(bytes, from, out, 0, out.length);
        return out;
    }
}

package dev.metanode.core.net;

import java.util.Arrays;

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

    public int encodedBytes() {
        return (kind == Kind.GOSSIP ? 5 : 4) + message.payload().length;
    }

    public byte[] encode() {
        byte[] out = new byte[encodedBytes()];
        encodeInto(out, 0);
        return out;
    }

    /** Writes the encoding at out[at...]; returns the index after it. */
    public int encodeInto(byte[] out, int at) {
        byte[] payload = message.payload();
        int header = kind == Kind.GOSSIP ? 5 : 4;
        out[at] = (byte) (kind == Kind.GOSSIP ? 2 : 1);
        out[at + 1] = (byte) (message.typeId() >>> 8);
        out[at + 2] = (byte) message.typeId();
        out[at + 3] = (byte) message.version();
        if (kind == Kind.GOSSIP) {
            out[at + 4] = (byte) hops;
        }
        System.arraycopy(payload, 0, out, at + header, payload.length);
        return at + header + payload.length;
    }

    /** Decodes a frame's plaintext; anything malformed is a {@link TransportException}. */
    public static Envelope decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /** Decodes bytes[at, at+length). */
    public static Envelope decode(byte[] bytes, int at, int length) {
        if (length < 4) {
            throw new TransportException("envelope of " + length + " bytes is shorter than its header");
        }
        int typeId = ((bytes[at + 1] & 0xFF) << 8) | (bytes[at + 2] & 0xFF);
        int version = bytes[at + 3] & 0xFF;
        return switch (bytes[at]) {
            case 1 -> direct(new Message(typeId, version, Arrays.copyOfRange(bytes, at + 4, at + length)));
            case 2 -> {
                if (length < 5 || bytes[at + 4] == 0) {
                    throw new TransportException("gossip envelope without a valid hop count");
                }
                Message message = new Message(typeId, version, Arrays.copyOfRange(bytes, at + 5, at + length));
                yield gossip(message, bytes[at + 4] & 0xFF);
            }
            default -> throw new TransportException("unknown envelope kind " + (bytes[at] & 0xFF));
        };
    }
}

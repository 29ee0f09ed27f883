package dev.metanode.core.net;

/**
 * A peer broke the protocol: a malformed, oversized, replayed or tampered frame, a handshake
 * message that does not verify, or an identity we do not accept. The connection that raised it
 * is closed and the peer's score lowered; it is an operating error, never a programmer's one.
 */
public final class TransportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Misbehaviour misbehaviour;

    public TransportException(String message) {
        this(Misbehaviour.BAD_FRAME, message);
    }

    public TransportException(Misbehaviour misbehaviour, String message) {
        // No stack trace: these are expected, possibly frequent, and the message says it all.
        super(message, null, false, false);
        this.misbehaviour = misbehaviour;
    }

    /** How the peer's score should be lowered for this. */
    public Misbehaviour misbehaviour() {
        return misbehaviour;
    }
}

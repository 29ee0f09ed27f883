package dev.metanode.core.net;

/**
 * A peer broke the protocol: a malformed, oversized, replayed or tampered frame, a handshake
 * message that does not verify, or an identity we do not accept. The connection that raised it
 * is closed and the peer's score lowered; it is an operating error, never a programmer's one.
 */
public final class TransportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TransportException(String message) {
        super(message, null, false, false);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}

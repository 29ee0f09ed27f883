package dev.metanode.consensus.codec;

/** Outside input that does not decode; the message is dropped with this reason. */
public final class MalformedMessageException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedMessageException(String reason) {
        super(reason);
    }
}

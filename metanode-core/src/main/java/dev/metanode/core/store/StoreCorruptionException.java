package dev.metanode.core.store;

/** Stored bytes that cannot be what we wrote: never recovered from silently. */
public class StoreCorruptionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreCorruptionException(String message) {
        super(message);
    }

    public StoreCorruptionException(String message, Throwable cause) {
        super(message, cause);
    }
}

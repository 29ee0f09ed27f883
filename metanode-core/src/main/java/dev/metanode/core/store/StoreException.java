package dev.metanode.core.store;

/** The store could not do what was asked (disk full, I/O error, closed). The message says why. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}

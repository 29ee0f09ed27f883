package dev.metanode.core.log;

import dev.metanode.core.store.StoreCorruptionException;

/** The stored log is not the log we wrote: a node, leaf, receipt or checkpoint does not add up. */
public final class LogCorruptionException extends StoreCorruptionException {
    private static final long serialVersionUID = 1L;

    public LogCorruptionException(String message) {
        super(message);
    }
}

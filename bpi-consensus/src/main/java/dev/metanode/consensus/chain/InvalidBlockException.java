package dev.metanode.consensus.chain;

/** A block or header that fails verification, with the first reason found. */
public final class InvalidBlockException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidBlockException(String reason) {
        super(reason);
    }
}

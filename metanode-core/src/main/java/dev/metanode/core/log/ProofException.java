package dev.metanode.core.log;

/**
 * A Merkle inclusion or consistency proof did not verify. The message says which check failed, so
 * an operator can tell a malformed proof (wrong length, bad sizes) from a log that lied (root mismatch).
 */
public final class ProofException extends Exception {
    private static final long serialVersionUID = 1L;

    public ProofException(String message) {
        super(message);
    }
}

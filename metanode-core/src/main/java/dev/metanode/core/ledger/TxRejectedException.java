package dev.metanode.core.ledger;

/** A handler's deterministic "no" to a transaction, with a reason a user can read. */
public final class TxRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    public TxRejectedException(String reason) {
        super(reason);
    }
}

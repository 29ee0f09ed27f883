package dev.metanode.consensus.runtime;

import dev.metanode.consensus.SubmitResult;

/**
 * Why {@link LedgerService#submit} refused a transaction before ordering. An {@link
 * IllegalArgumentException} as the {@code Ledger} port promises; {@link #status()} lets a caller
 * tell a bad transaction ({@code REJECTED}) from back-pressure ({@code MEMPOOL_FULL}), worth a retry.
 */
public final class SubmitRefusedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final SubmitResult.Status status;

    public SubmitRefusedException(SubmitResult.Status status, String reason) {
        super(status + (reason == null || reason.isEmpty() ? "" : ": " + reason));
        this.status = status;
    }

    public SubmitResult.Status status() {
        return status;
    }
}

package dev.metanode.consensus;

import dev.metanode.core.ledger.TxInclusion;
import java.util.Optional;

/** What {@link ValidatorNode#submit} did with a transaction. */
public record SubmitResult(Status status, String reason, Optional<TxInclusion> inclusion) {
    /** The outcome. */
    public enum Status { ACCEPTED, DUPLICATE, ALREADY_FINAL, REJECTED, MEMPOOL_FULL }

    static SubmitResult of(Status status) {
        return new SubmitResult(status, "", Optional.empty());
    }

    static SubmitResult rejected(String reason) {
        return new SubmitResult(Status.REJECTED, reason, Optional.empty());
    }

    static SubmitResult alreadyFinal(TxInclusion inclusion) {
        return new SubmitResult(Status.ALREADY_FINAL, "", Optional.of(inclusion));
    }
}

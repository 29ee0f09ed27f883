package dev.metanode.core.ledger;

/**
 * Where a transaction landed: block {@code height}, position {@code index} in that block. A
 * transaction whose handler refused it at apply time is still ordered (so everyone agrees it
 * failed), with {@code applied} false and the handler's reason in {@code failure}.
 */
public record TxInclusion(long height, int index, String txIdHex, boolean applied, String failure) {
    public TxInclusion {
        if (height < 1 || index < 0) {
            throw new IllegalArgumentException("height starts at 1 and index at 0");
        }
        failure = applied ? "" : (failure == null ? "" : failure);
    }
}

package dev.metanode.core.ledger;

import java.util.List;

/**
 * A final block as listeners of {@link dev.metanode.core.kernel.Ledger#follow} see it: its height,
 * hash, the proposer's timestamp, the ordered transactions and what became of each
 * ({@code outcomes.get(i)} belongs to {@code transactions.get(i)}).
 */
public record CommittedBlock(long height, byte[] hash, long timestampMillis, List<Transaction> transactions,
        List<TxInclusion> outcomes) {
    public CommittedBlock {
        hash = hash.clone();
        transactions = List.copyOf(transactions);
        outcomes = List.copyOf(outcomes);
        if (transactions.size() != outcomes.size()) {
            throw new IllegalArgumentException("one outcome per transaction");
        }
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }
}

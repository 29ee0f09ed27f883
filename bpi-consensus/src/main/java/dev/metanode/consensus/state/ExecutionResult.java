package dev.metanode.consensus.state;

import dev.metanode.consensus.chain.ValidatorSet;
import dev.metanode.core.ledger.TxInclusion;
import java.util.List;

/**
 * A block executed but not yet written: its state writes, each transaction's outcome, the state
 * tree's update (with the state root) and the next height's validators.
 */
public record ExecutionResult(StateOverlay writes, List<TxInclusion> outcomes, StateTree.Update stateUpdate,
        ValidatorSet nextValidators) {
    public ExecutionResult {
        outcomes = List.copyOf(outcomes);
    }

    public byte[] stateRoot() {
        return stateUpdate.root();
    }
}

package dev.metanode.consensus.state;

import dev.metanode.consensus.chain.ValidatorSet;
import dev.metanode.core.kernel.TxHandler;
import dev.metanode.core.ledger.Transaction;
import dev.metanode.core.ledger.TxContext;
import dev.metanode.core.ledger.TxInclusion;
import dev.metanode.core.ledger.TxRejectedException;
import dev.metanode.core.store.KvStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a block's transactions through their handlers over an overlay of the committed state, in
 * block order, each in its own nested overlay so a refused transaction leaves no trace; then lets
 * the validators module apply due set changes, and computes the state root.
 *
 * <p>The state root is that of {@link StateTree}, built from the store on first use and updated
 * per changed key when a block is committed.
 */
public final class BlockExecutor {
    private final KvStore store;
    private final HandlerRegistry handlers;
    private StateTree tree;

    public BlockExecutor(KvStore store, HandlerRegistry handlers) {
        this.store = store;
        this.handlers = handlers;
    }

    public ExecutionResult execute(long height, long timestampMillis, List<Transaction> txs) {
        StateOverlay block = new StateOverlay(store).child();
        List<TxInclusion> outcomes = new ArrayList<>(txs.size());
        for (int i = 0; i < txs.size(); i++) {
            Transaction tx = txs.get(i);
            Optional<String> failure = applyOne(block, tx, new TxContext(height, i, timestampMillis));
            outcomes.add(new TxInclusion(height, i, tx.idHex(), failure.isEmpty(), failure.orElse("")));
        }
        ValidatorSet next = ValidatorModule.endBlock(new ModuleState(ValidatorModule.MODULE, block), height);
        return new ExecutionResult(block, outcomes, tree().update(block.changes()), next);
    }

    private Optional<String> applyOne(StateOverlay block, Transaction tx, TxContext context) {
        Optional<TxHandler> handler = handlers.handler(tx);
        if (handler.isEmpty()) {
            return Optional.of("no handler for " + tx.module() + "/" + tx.type());
        }
        StateOverlay scratch = block.child();
        try {
            handler.get().apply(tx, new ModuleState(tx.module(), scratch), context);
            scratch.mergeIntoParent();
            return Optional.empty();
        } catch (TxRejectedException e) {
            return Optional.of(e.getMessage());
        } catch (RuntimeException e) {
            // A handler bug must not split the chain: every node sees the same exception and the same outcome.
            return Optional.of("handler failed: " + e.getClass().getSimpleName());
        }
    }

    /** The committed state's tree, read from the store once (after genesis was written). */
    private StateTree tree() {
        if (tree == null) {
            tree = StateTree.of(store);
        }
        return tree;
    }

    /** Writes the genesis state (the first validator set) if the store has none yet. */
    public static StateOverlay genesisState(KvStore store, ValidatorSet validators) {
        StateOverlay genesis = new StateOverlay(store);
        ValidatorModule.initialise(new ModuleState(ValidatorModule.MODULE, genesis), validators);
        return genesis;
    }
}

package dev.metanode.core.kernel;

import dev.metanode.core.ledger.StateView;
import dev.metanode.core.ledger.Transaction;
import dev.metanode.core.ledger.TxContext;
import dev.metanode.core.ledger.TxRejectedException;
import java.util.Set;

/**
 * A module's transaction types and the rules that apply them, in the manner of a Cosmos SDK module
 * behind ABCI. The wiring registers each handler with the ledger before the node starts; every
 * validator then runs the same handlers over the same blocks and must reach the same state.
 *
 * <p>Rules for implementations, because consensus depends on them:
 * <ul>
 *   <li>{@link #apply} is deterministic: it reads only the transaction, its {@link StateView} and
 *       the {@link TxContext} — no clock, randomness, network, files or iteration over hash maps.
 *   <li>It touches only its own module's slice of state (the view enforces that).
 *   <li>Everything it writes contributes to the block's state root: the root is a Merkle root over
 *       every (module, key, value), so two nodes that disagree on any value disagree on the root.
 * </ul>
 */
public interface TxHandler {
    /** The module name transactions carry in {@link Transaction#module()}, e.g. {@code cluster}. */
    String module();

    /** The transaction types this module accepts, e.g. {@code place-app}. */
    Set<String> types();

    /**
     * Stateless validation before a transaction enters the mempool: well-formed payload, sizes,
     * fields. The ledger has already checked the signature, the limits and that the type is one of
     * {@link #types()}.
     *
     * @throws TxRejectedException with a reason the submitter can read
     */
    void check(Transaction tx) throws TxRejectedException;

    /**
     * Applies an ordered transaction to this module's state. Throwing leaves the state as it was
     * before this transaction (its writes are discarded) and marks it failed in its inclusion.
     *
     * @throws TxRejectedException when the transaction is not valid against the current state
     */
    void apply(Transaction tx, StateView state, TxContext context) throws TxRejectedException;
}

package dev.metanode.consensus.validation;

import dev.metanode.consensus.chain.Block;
import dev.metanode.consensus.chain.BlockHeader;
import dev.metanode.consensus.chain.HeaderVerifier;
import dev.metanode.consensus.chain.InvalidBlockException;
import dev.metanode.consensus.chain.SignatureVerifier;
import dev.metanode.consensus.state.BlockExecutor;
import dev.metanode.consensus.state.ChainStore;
import dev.metanode.consensus.state.ExecutionResult;
import dev.metanode.consensus.state.HandlerRegistry;
import dev.metanode.core.ledger.Transaction;
import dev.metanode.core.ledger.TxRejectedException;
import dev.metanode.core.log.Checkpoint;
import dev.metanode.core.log.NoteException;
import dev.metanode.core.log.SignedNote;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Full validation of a proposed block against its parent: chain links, the proposer chosen by the
 * VRF draw for the header's round and its proof, the timestamp, every transaction (signature,
 * handler, not already final, no duplicates), the transactions root, the PoH chain recomputed, the
 * anchored checkpoints, and finally the state root, by executing the block.
 */
public final class BlockValidator {
    /** How far ahead of this node's clock a proposer's timestamp may be. */
    public static final long TIMESTAMP_DRIFT_MS_MAX = 10_000;

    private final ChainStore chain;
    private final HandlerRegistry handlers;
    private final BlockExecutor executor;
    private final SignatureVerifier verifier;
    private final Predicate<Transaction> waiting;

    /**
     * @param waiting whether this node holds a transaction waiting for a block: such a one is known
     *                not to be final (it was not when it was admitted, and a final block removes its
     *                transactions), so the store need not be asked
     */
    public BlockValidator(ChainStore chain, HandlerRegistry handlers, BlockExecutor executor, SignatureVerifier verifier,
            Predicate<Transaction> waiting) {
        this.chain = chain;
        this.handlers = handlers;
        this.executor = executor;
        this.verifier = verifier;
        this.waiting = waiting;
    }

    public ExecutionResult validate(Block block, HeightContext context, long nowMillis) throws InvalidBlockException {
        BlockHeader h = block.header();
        require(h.chainId().equals(context.chainId()) && h.height() == context.height(), "wrong chain or height");
        require(Arrays.equals(h.parentHash(), context.parentHash()), "wrong parent hash");
        require(Arrays.equals(h.validatorsHash(), context.validators().hash()), "wrong validator set");
        require(h.proposer().equals(context.proposer(h.round())), "proposer was not drawn for round " + h.round());
        HeaderVerifier.vrfOutput(h, context.validators(), verifier);
        require(h.timestampMillis() >= context.parentTimestampMillis(), "timestamp before the parent's");
        require(h.timestampMillis() <= nowMillis + TIMESTAMP_DRIFT_MS_MAX, "timestamp too far in the future");
        checkTransactions(block);
        require(Arrays.equals(h.txRoot(), Block.txRoot(block.transactions())), "wrong transactions root");
        require(Arrays.equals(h.poh().start(), context.parentPohEnd()), "PoH does not continue the parent's chain");
        Optional<String> poh = h.poh().verify(Block.pohDigests(block.transactions()));
        require(poh.isEmpty(), poh.orElse(""));
        for (String note : h.checkpoints()) {
            checkCheckpoint(note);
        }
        ExecutionResult result = executor.execute(h.height(), h.timestampMillis(), block.transactions());
        require(Arrays.equals(result.stateRoot(), h.stateRoot()), "wrong state root");
        return result;
    }

    private void checkTransactions(Block block) throws InvalidBlockException {
        Set<ByteBuffer> ids = new HashSet<>();
        long bytes = block.header().encode().length;
        for (Transaction tx : block.transactions()) {
            bytes += tx.encodedLength();
            require(ids.add(ByteBuffer.wrap(tx.id())), "transaction " + tx.idHex() + " appears twice");
            require(waiting.test(tx) || chain.inclusion(tx.id()).isEmpty(), "transaction " + tx.idHex() + " is already final");
            try {
                handlers.check(tx);
            } catch (TxRejectedException e) {
                throw new InvalidBlockException("transaction " + tx.idHex() + ": " + e.getMessage());
            }
        }
        require(bytes <= Block.BYTES_MAX, "block larger than " + Block.BYTES_MAX + " bytes");
    }

    private static void checkCheckpoint(String note) throws InvalidBlockException {
        try {
            Checkpoint.parse(SignedNote.parse(note).text());
        } catch (NoteException | IllegalArgumentException e) {
            throw new InvalidBlockException("anchored checkpoint is malformed: " + e.getMessage());
        }
    }

    private static void require(boolean condition, String reason) throws InvalidBlockException {
        if (!condition) {
            throw new InvalidBlockException(reason);
        }
    }
}

package dev.metanode.consensus.statemachine;

import dev.metanode.consensus.chain.Block;
import dev.metanode.consensus.chain.BlockHeader;
import dev.metanode.consensus.chain.Domains;
import dev.metanode.consensus.poh.PohRecorder;
import dev.metanode.consensus.poh.PohSegment;
import dev.metanode.consensus.state.BlockExecutor;
import dev.metanode.consensus.state.ExecutionResult;
import dev.metanode.consensus.validation.HeightContext;
import dev.metanode.consensus.vrf.Ecvrf;
import dev.metanode.consensus.vrf.VrfSecretKey;
import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.ledger.Transaction;
import java.util.List;

/** The proposer's work: order transactions, run PoH over them, prove the VRF draw, execute, and write the header. */
public final class BlockBuilder {
    private final PublicKey proposer;
    private final VrfSecretKey vrfKey;
    private final BlockExecutor executor;

    public BlockBuilder(PublicKey proposer, VrfSecretKey vrfKey, BlockExecutor executor) {
        this.proposer = proposer;
        this.vrfKey = vrfKey;
        this.executor = executor;
    }

    /** A block and its execution, ready to propose. */
    public record Built(Block block, ExecutionResult execution) {}

    public Built build(HeightContext context, int round, long nowMillis, List<Transaction> txs, List<String> checkpoints) {
        long timestamp = Math.max(nowMillis, context.parentTimestampMillis());
        PohSegment poh = PohRecorder.record(context.parentPohEnd(), Block.pohDigests(txs));
        byte[] proof = Ecvrf.prove(vrfKey, Domains.vrfInput(context.parentHash(), context.height(), round));
        ExecutionResult execution = executor.execute(context.height(), timestamp, txs);
        BlockHeader header = new BlockHeader(context.chainId(), context.height(), round, context.parentHash(), poh,
                Block.txRoot(txs), execution.stateRoot(), checkpoints, context.validators().hash(), proposer, proof,
                timestamp);
        return new Built(new Block(header, txs), execution);
    }
}

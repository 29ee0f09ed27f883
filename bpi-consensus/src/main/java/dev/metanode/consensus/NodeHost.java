package dev.metanode.consensus;

import dev.metanode.consensus.chain.Block;
import dev.metanode.consensus.chain.InvalidBlockException;
import dev.metanode.consensus.chain.SealedBlock;
import dev.metanode.consensus.payload.Message;
import dev.metanode.consensus.payload.MessageCodec;
import dev.metanode.consensus.payload.MessageType;
import dev.metanode.consensus.payload.SignedPayload;
import dev.metanode.consensus.state.ExecutionResult;
import dev.metanode.consensus.statemachine.BlockBuilder;
import dev.metanode.consensus.statemachine.HeightHost;
import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.crypto.SigningKey;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The node side of {@link HeightHost}: binds one height's state machine to the node's key, guard, store and network. */
final class NodeHost implements HeightHost {
    /** Blocks validated per height and remembered; a faulty proposer cannot make this grow. */
    private static final int VALIDATED_BLOCKS_MAX = 16;

    private final ValidatorNode node;
    private final SigningKey key;
    private final long height;
    private final Map<ByteBuffer, Optional<ExecutionResult>> validated = new LinkedHashMap<>();

    NodeHost(ValidatorNode node, SigningKey key, long height) {
        this.node = node;
        this.key = key;
        this.height = height;
    }

    @Override
    public PublicKey self() {
        return key.publicKey();
    }

    @Override
    public long nowMillis() {
        return node.clock().millis();
    }

    @Override
    public Optional<SignedPayload> sign(MessageType type, int round, byte[] digest, int preparedRound) {
        if (!node.guard().allow(type, height, round, digest, preparedRound)) {
            return Optional.empty();
        }
        SignedPayload payload = SignedPayload.sign(key, node.chainId(), type, height, round, digest, preparedRound);
        node.settings().verifier().signedHere(key.publicKey(), payload.signingBytes(node.chainId()), payload.signature());
        return Optional.of(payload);
    }

    @Override
    public byte[] seal(byte[] blockHash) {
        byte[] seal = dev.metanode.consensus.chain.CommitSeal.sign(key, blockHash).signature();
        node.settings().verifier().signedHere(key.publicKey(), dev.metanode.consensus.chain.Domains.commitSeal(blockHash), seal);
        return seal;
    }

    @Override
    public void broadcast(Message message) {
        node.sink().broadcast(MessageCodec.encode(message));
    }

    @Override
    public void sendTo(PublicKey peer, Message message) {
        node.sink().send(peer, MessageCodec.encode(message));
    }

    @Override
    public Optional<BlockBuilder.Built> build(int round) {
        if (round == 0 && !hasWork()) {
            return Optional.empty();
        }
        BlockBuilder.Built built = node.builder().build(node.context(), round, nowMillis(), node.mempool().select(),
                node.pendingCheckpoints());
        validated.put(ByteBuffer.wrap(built.block().hash()), Optional.of(built.execution()));
        return Optional.of(built);
    }

    @Override
    public Optional<ExecutionResult> validate(Block block) {
        // The header hash does not cover the body directly: a body that does not match the header's
        // transactions root is refused before the cache, or a tampered copy would pass as the valid one.
        if (!java.util.Arrays.equals(block.header().txRoot(), Block.txRoot(block.transactions()))) {
            return Optional.empty();
        }
        ByteBuffer hash = ByteBuffer.wrap(block.hash());
        Optional<ExecutionResult> known = validated.get(hash);
        if (known != null) {
            return known;
        }
        Optional<ExecutionResult> result;
        try {
            result = Optional.of(node.validator().validate(block, node.context(), nowMillis()));
        } catch (InvalidBlockException | IllegalArgumentException e) {
            result = Optional.empty();
        }
        if (validated.size() >= VALIDATED_BLOCKS_MAX) {
            validated.remove(validated.keySet().iterator().next());
        }
        validated.put(hash, result);
        return result;
    }

    @Override
    public void savePrepared(int round, Block block, List<SignedPayload> certificate) {
        node.guard().savePrepared(height, round, block, certificate);
    }

    @Override
    public void decided(SealedBlock block, ExecutionResult execution) {
        node.finalised(block, execution);
    }

    @Override
    public void equivocation(SignedPayload first, SignedPayload second) {
        node.reportEquivocation(first, second);
    }

    @Override
    public void missingBlock() {
        node.requestBlock(null);
    }

    @Override
    public void roundTimedOut(int round) {
        node.regossip();
    }

    @Override
    public void proposerMissedTurn(PublicKey proposer, long roundStartMillis) {
        node.quietProposers().turnMissed(proposer, roundStartMillis);
    }

    @Override
    public boolean quietProposer(PublicKey validator) {
        return node.quietProposers().isQuiet(validator);
    }

    @Override
    public boolean hasWork() {
        return !node.mempool().isEmpty() || !node.pendingCheckpoints().isEmpty();
    }
}

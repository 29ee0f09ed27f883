package dev.metanode.consensus.statemachine;

import dev.metanode.consensus.chain.Block;
import dev.metanode.consensus.chain.SealedBlock;
import dev.metanode.consensus.payload.Message;
import dev.metanode.consensus.payload.MessageType;
import dev.metanode.consensus.payload.SignedPayload;
import dev.metanode.consensus.state.ExecutionResult;
import dev.metanode.core.crypto.PublicKey;
import java.util.List;
import java.util.Optional;

/** What a {@link QbftHeight} needs from the node around it: signing (guarded), sending, building, validating, deciding. */
public interface HeightHost {
    PublicKey self();

    long nowMillis();

    /** Signs the statement if that cannot contradict anything signed before (recorded durably first); else empty. */
    Optional<SignedPayload> sign(MessageType type, int round, byte[] digest, int preparedRound);

    byte[] seal(byte[] blockHash);

    void broadcast(Message message);

    void sendTo(PublicKey peer, Message message);

    /** A new block for {@code round}; empty in round 0 while there is nothing to put in it. */
    Optional<BlockBuilder.Built> build(int round);

    /** The execution of a valid block; empty if it is invalid. Remembered by hash. */
    Optional<ExecutionResult> validate(Block block);

    void savePrepared(int round, Block block, List<SignedPayload> certificate);

    void decided(SealedBlock block, ExecutionResult execution);

    void equivocation(SignedPayload first, SignedPayload second);

    /** A quorum committed a block this node does not have: ask peers for it. */
    void missingBlock();

    void roundTimedOut(int round);

    /** The round {@code proposer} was drawn for, entered at {@code roundStartMillis}, timed out. */
    void proposerMissedTurn(PublicKey proposer, long roundStartMillis);

    /** {@code validator} missed its last turn as proposer and has not been heard since: likely down. */
    boolean quietProposer(PublicKey validator);

    boolean hasWork();
}

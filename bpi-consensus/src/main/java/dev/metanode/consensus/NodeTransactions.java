package dev.metanode.consensus;

import dev.metanode.consensus.mempool.Mempool;
import dev.metanode.consensus.payload.MessageCodec;
import dev.metanode.consensus.payload.SignedPayload;
import dev.metanode.consensus.payload.TxGossip;
import dev.metanode.consensus.state.EvidenceRules;
import dev.metanode.consensus.state.ValidatorModule;
import dev.metanode.core.ledger.Transaction;
import dev.metanode.core.ledger.TxRejectedException;
import java.nio.ByteBuffer;
import java.util.LinkedHashSet;
import java.util.Set;

/** Admission of transactions into the mempool (local or gossiped), their gossip, and evidence reports. */
final class NodeTransactions {
    /** Transactions gossiped again when a round times out (in case the first gossip was lost). */
    static final int REGOSSIP_TXS_MAX = 16;
    /** Offences remembered as already reported. */
    private static final int REPORTED_MAX = 1_024;

    private final ValidatorNode node;
    private final Set<ByteBuffer> reported = new LinkedHashSet<>();

    NodeTransactions(ValidatorNode node) {
        this.node = node;
    }

    SubmitResult submit(Transaction tx, boolean local) {
        var included = node.chain().inclusion(tx.id());
        if (included.isPresent()) {
            return SubmitResult.alreadyFinal(included.get());
        }
        if (node.mempool().contains(tx.id())) {
            return SubmitResult.of(SubmitResult.Status.DUPLICATE);
        }
        try {
            node.handlers().check(tx);
        } catch (TxRejectedException e) {
            return SubmitResult.rejected(e.getMessage());
        }
        if (node.mempool().add(tx) == Mempool.Admission.FULL) {
            return SubmitResult.of(SubmitResult.Status.MEMPOOL_FULL);
        }
        if (local) {
            node.sink().broadcast(MessageCodec.encode(new TxGossip(tx)));
        }
        node.current().onWork();
        return SubmitResult.of(SubmitResult.Status.ACCEPTED);
    }

    void regossip() {
        node.mempool().oldest(REGOSSIP_TXS_MAX).forEach(tx -> node.sink().broadcast(MessageCodec.encode(new TxGossip(tx))));
    }

    void reportEquivocation(SignedPayload first, SignedPayload second) {
        ByteBuffer offence = ByteBuffer.wrap(ByteBuffer.allocate(32 + 8 + 4 + 1).put(first.signer().bytes())
                .putLong(first.height()).putInt(first.round()).put((byte) first.type().code()).array());
        if (!reported.add(offence)) {
            return;
        }
        if (reported.size() > REPORTED_MAX) {
            reported.remove(reported.iterator().next());
        }
        Transaction evidence = Transaction.sign(node.key(), ValidatorModule.MODULE, ValidatorModule.EVIDENCE, 0,
                EvidenceRules.encode(first, second));
        submit(evidence, true);
    }
}

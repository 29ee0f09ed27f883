package dev.metanode.consensus;

import dev.metanode.consensus.mempool.Mempool;
import dev.metanode.consensus.payload.MessageCodec;
import dev.metanode.consensus.payload.SignedPayload;
import dev.metanode.consensus.payload.TxGossip;
import dev.metanode.consensus.state.EvidenceRules;
import dev.metanode.consensus.state.ValidatorModule;
import dev.metanode.core.ledger.Transaction;
import dev.metanode.core.ledger.TxInclusion;
import dev.metanode.core.ledger.TxRejectedException;
import java.nio.ByteBuffer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Admission of transactions into the mempool (local or gossiped), their gossip, and evidence reports. */
final class NodeTransactions {
    /** Transactions gossiped again when a round times out (in case the first gossip was lost). */
    static final int REGOSSIP_TXS_MAX = 16;
    /** Offences remembered as already reported. */
    private static final int REPORTED_MAX = 1_024;

    private final ValidatorNode node;
    private final Set<ByteBuffer> reported = new LinkedHashSet<>();
    /** Accepted from local clients, not yet gossiped: {@link #gossip} sends them together. */
    private final List<Transaction> toGossip = new java.util.ArrayList<>();

    NodeTransactions(ValidatorNode node) {
        this.node = node;
    }

    SubmitResult submit(Transaction tx, boolean local) {
        return submit(tx, local, node.chain().inclusion(tx.id()));
    }

    /** Many transactions, their index entries read together; results in the order of {@code txs}. */
    List<SubmitResult> submitAll(List<Transaction> txs, boolean local) {
        List<byte[]> ids = new java.util.ArrayList<>(txs.size());
        txs.forEach(tx -> ids.add(tx.id()));
        List<Optional<TxInclusion>> included = node.chain().inclusions(ids);
        List<SubmitResult> results = new java.util.ArrayList<>(txs.size());
        for (int i = 0; i < txs.size(); i++) {
            results.add(submit(txs.get(i), local, included.get(i)));
        }
        return results;
    }

    private SubmitResult submit(Transaction tx, boolean local, Optional<TxInclusion> included) {
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
            toGossip.add(tx);
        }
        node.current().onWork();
        return SubmitResult.of(SubmitResult.Status.ACCEPTED);
    }

    /** Sends the transactions accepted from local clients since the last call, many to a message. */
    void gossip() {
        broadcast(toGossip);
        toGossip.clear();
    }

    void regossip() {
        broadcast(node.mempool().oldest(REGOSSIP_TXS_MAX));
    }

    private void broadcast(List<Transaction> txs) {
        for (int from = 0; from < txs.size(); from += TxGossip.TXS_MAX) {
            List<Transaction> part = txs.subList(from, Math.min(txs.size(), from + TxGossip.TXS_MAX));
            node.sink().broadcast(MessageCodec.encode(new TxGossip(part)));
        }
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
        gossip();
    }
}

package dev.metanode.consensus;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.consensus.chain.Genesis;
import dev.metanode.consensus.chain.ValidatorSet;
import dev.metanode.consensus.payload.MessageCodec;
import dev.metanode.consensus.payload.MessageType;
import dev.metanode.consensus.payload.Prepare;
import dev.metanode.consensus.payload.SignedPayload;
import dev.metanode.consensus.state.EvidenceRules;
import dev.metanode.consensus.state.ValidatorModule;
import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.ledger.Transaction;
import dev.metanode.core.store.MemoryKvStore;
import dev.metanode.core.testing.ManualClock;
import dev.metanode.core.testing.TestKeys;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two conflicting signed messages of one validator are evidence: it is slashed and jailed by transaction. */
class EquivocationTest {
    private final SigningKey honest = TestKeys.key(1);
    private final SigningKey cheat = TestKeys.key(2);
    private final Genesis genesis = new Genesis("equivocation", new ValidatorSet(List.of(
            TestChains.validator(honest, 100), TestChains.validator(cheat, 10))), 0);

    private ValidatorNode node() {
        ValidatorNode node = new ValidatorNode(NodeSettings.of(genesis), new MemoryKvStore(), honest, new ManualClock(1_000),
                TestChains.NOWHERE, List.of(new KvHandler()));
        node.start();
        return node;
    }

    private SignedPayload prepare(byte fill) {
        byte[] digest = new byte[32];
        java.util.Arrays.fill(digest, fill);
        return SignedPayload.sign(cheat, genesis.chainId(), MessageType.PREPARE, 1, 0, digest, -1);
    }

    @Test
    void aValidatorSeeingConflictingPreparesReportsAndTheCheatIsJailed() {
        ValidatorNode node = node();
        node.onMessage(cheat.publicKey(), MessageCodec.encode(new Prepare(prepare((byte) 1))));
        node.onMessage(cheat.publicKey(), MessageCodec.encode(new Prepare(prepare((byte) 2))));
        assertTrue(node.height() >= 1, "the evidence transaction was proposed and committed");
        for (int i = 0; i < ValidatorModule.CHANGE_DELAY_BLOCKS; i++) {
            node.submit(KvHandler.put(TestKeys.key(50), i, "a=b"));
        }
        assertFalse(node.validators().contains(cheat.publicKey()), "jailed after the change delay");
    }

    @Test
    void evidenceIsPunishedOnceAndMustConflict() {
        ValidatorNode node = node();
        byte[] evidence = EvidenceRules.encode(prepare((byte) 1), prepare((byte) 2));
        Transaction first = Transaction.sign(TestKeys.key(60), ValidatorModule.MODULE, ValidatorModule.EVIDENCE, 1, evidence);
        Transaction again = Transaction.sign(TestKeys.key(61), ValidatorModule.MODULE, ValidatorModule.EVIDENCE, 1, evidence);
        node.submit(first);
        node.submit(again);
        assertTrue(node.inclusion(first.id()).orElseThrow().applied());
        assertFalse(node.inclusion(again.id()).orElseThrow().applied(), "one offence, one punishment");
        byte[] same = EvidenceRules.encode(prepare((byte) 1), prepare((byte) 1));
        var refused = node.submit(Transaction.sign(TestKeys.key(60), ValidatorModule.MODULE, ValidatorModule.EVIDENCE, 2, same));
        assertTrue(refused.status() == SubmitResult.Status.REJECTED, "identical messages are no evidence");
    }
}

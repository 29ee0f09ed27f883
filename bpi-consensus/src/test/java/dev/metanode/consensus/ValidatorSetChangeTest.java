package dev.metanode.consensus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.consensus.chain.Genesis;
import dev.metanode.consensus.chain.SealedBlock;
import dev.metanode.consensus.chain.SealedHeader;
import dev.metanode.consensus.light.AnchorVerifier;
import dev.metanode.consensus.chain.ValidatorSet;
import dev.metanode.consensus.state.ValidatorChange;
import dev.metanode.consensus.state.ValidatorModule;
import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.ledger.Transaction;
import dev.metanode.core.store.MemoryKvStore;
import dev.metanode.core.testing.ManualClock;
import dev.metanode.core.testing.TestKeys;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Validator set changes are voted in by transaction and take effect a fixed number of blocks later. */
class ValidatorSetChangeTest {
    private final SigningKey main = TestKeys.key(1);
    private final SigningKey minor = TestKeys.key(2);
    private final Genesis genesis = new Genesis("set-change", new ValidatorSet(List.of(TestChains.validator(main, 100))), 0);

    private final ManualClock clock = new ManualClock(1_000);

    private ValidatorNode node() {
        ValidatorNode node = new ValidatorNode(NodeSettings.of(genesis), new MemoryKvStore(), main, clock,
                TestChains.NOWHERE, List.of(new KvHandler()));
        node.start();
        return node;
    }

    /**
     * Submits and lets rounds time out until the transaction is final: once {@code minor} is a member
     * it may be drawn to propose (it never does here), and main, with the power of a quorum alone,
     * proposes in a later round.
     */
    private void commit(ValidatorNode node, Transaction tx) {
        node.submit(tx);
        while (node.inclusion(tx.id()).isEmpty()) {
            clock.advance(node.nextWakeMillis() - clock.millis());
            node.onTimer();
        }
    }

    private static Transaction vote(SigningKey voter, ValidatorChange change) {
        return Transaction.sign(voter, ValidatorModule.MODULE, ValidatorModule.CHANGE, 0, change.encode());
    }

    @Test
    void anAddedValidatorJoinsAfterTheDelayAndStakeChangesFollow() {
        ValidatorNode node = node();
        var vote = vote(main, ValidatorChange.add(TestChains.validator(minor, 5), 1));
        commit(node, vote);
        long votedAt = node.inclusion(vote.id()).orElseThrow().height();
        assertTrue(node.inclusion(vote.id()).orElseThrow().applied());
        long effective = votedAt + ValidatorModule.CHANGE_DELAY_BLOCKS;
        long nonce = 10;
        while (node.height() < effective - 1) {
            assertFalse(node.validators().contains(minor.publicKey()), "not before height " + effective);
            commit(node, KvHandler.put(TestKeys.key(50), nonce++, "a=b"));
        }
        assertTrue(node.validators().contains(minor.publicKey()), "height " + effective + " is decided by the new set");
        commit(node, KvHandler.put(TestKeys.key(50), nonce++, "a=b"));
        assertArrayEquals(node.validators().hash(), node.block(effective).orElseThrow().header().validatorsHash());
        commit(node, vote(main, ValidatorChange.stake(minor.publicKey(), 7, 2)));
        for (int i = 0; i < ValidatorModule.CHANGE_DELAY_BLOCKS; i++) {
            commit(node, KvHandler.put(TestKeys.key(50), nonce++, "a=b"));
        }
        assertEquals(7, node.validators().power(minor.publicKey()));
        commit(node, vote(main, ValidatorChange.remove(minor.publicKey(), 3)));
        for (int i = 0; i < ValidatorModule.CHANGE_DELAY_BLOCKS; i++) {
            commit(node, KvHandler.put(TestKeys.key(50), nonce++, "a=b"));
        }
        assertFalse(node.validators().contains(minor.publicKey()));
    }

    /**
     * A light client that trusts only the genesis follows the recorded set changes to a header sealed
     * by a set the genesis never named; without them it refuses the header.
     */
    @Test
    void theSetChangesAreRecordedForLightClients() throws Exception {
        ValidatorNode node = node();
        commit(node, vote(main, ValidatorChange.add(TestChains.validator(minor, 5), 1)));
        long nonce = 10;
        for (int i = 0; i < ValidatorModule.CHANGE_DELAY_BLOCKS; i++) {
            commit(node, KvHandler.put(TestKeys.key(50), nonce++, "a=b"));
        }
        commit(node, vote(main, ValidatorChange.stake(minor.publicKey(), 9, 2)));
        for (int i = 0; i < ValidatorModule.CHANGE_DELAY_BLOCKS + 1; i++) {
            commit(node, KvHandler.put(TestKeys.key(50), nonce++, "a=b"));
        }
        String note = "log.example/test\n7\nroot\n";
        node.anchor(note);
        commit(node, KvHandler.put(TestKeys.key(50), nonce++, "a=b"));
        SealedBlock anchoring = java.util.stream.LongStream.rangeClosed(1, node.height()).mapToObj(h -> node.block(h).orElseThrow())
                .filter(b -> b.header().checkpoints().contains(note)).findFirst().orElseThrow();

        var changes = node.setChangesThrough(anchoring.header().height());
        assertEquals(2, changes.size(), "the add and the stake change");
        assertEquals(9, changes.get(1).validators().power(minor.publicKey()));
        for (var change : changes) {
            assertArrayEquals(change.validators().hash(),
                    node.block(change.height()).orElseThrow().header().validatorsHash(), "first block the set decides");
            assertFalse(java.util.Arrays.equals(change.validators().hash(),
                    node.block(change.height() - 1).orElseThrow().header().validatorsHash()), "the block before is the old set's");
        }
        List<AnchorVerifier.SealedStep> steps = changes.stream().map(c -> {
            SealedBlock b = node.block(c.height()).orElseThrow();
            return new AnchorVerifier.SealedStep(new SealedHeader(b.header(), b.seals()), c.validators());
        }).toList();
        SealedHeader header = new SealedHeader(anchoring.header(), anchoring.seals());
        var anchored = AnchorVerifier.verify(AnchorVerifier.toJson(header, steps), genesis, note);
        assertEquals(2, anchored.changesFollowed());
        assertEquals(9, anchored.sealedBy().power(minor.publicKey()));
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(dev.metanode.consensus.chain.InvalidBlockException.class,
                () -> AnchorVerifier.verify(AnchorVerifier.toJson(header, List.of()), genesis, note))
                .getMessage().contains("another validator set"));
        assertEquals(1, node.setChangesThrough(changes.get(1).height() - 1).size(), "only changes in force by then");
    }

    @Test
    void onlyValidatorsVoteAndTheLastValidatorStays() {
        ValidatorNode node = node();
        var outsider = vote(TestKeys.key(9), ValidatorChange.add(TestChains.validator(minor, 5), 1));
        node.submit(outsider);
        assertFalse(node.inclusion(outsider.id()).orElseThrow().applied());
        node.submit(vote(main, ValidatorChange.remove(main.publicKey(), 2)));
        for (int i = 0; i < 3; i++) {
            node.submit(KvHandler.put(TestKeys.key(50), 100 + i, "a=b"));
        }
        assertTrue(node.validators().contains(main.publicKey()), "a set never becomes empty");
    }
}

package dev.metanode.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.metanode.consensus.payload.Commit;
import dev.metanode.consensus.payload.MessageCodec;
import dev.metanode.consensus.payload.MessageType;
import dev.metanode.consensus.payload.Prepare;
import dev.metanode.consensus.payload.RoundChange;
import dev.metanode.consensus.payload.SignedPayload;
import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.testing.TestKeys;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Messages from non-validators, and garbage, change nothing; the validators still agree afterwards. */
class SpuriousMessagesTest {
    private static final SigningKey OUTSIDER = TestKeys.key(77);

    @Test
    void nonValidatorsAndGarbageAreIgnored() {
        TestCluster cluster = new TestCluster(4);
        String chain = cluster.genesis.chainId();
        byte[] digest = new byte[32];
        for (int round = 1; round <= 5; round++) {
            SignedPayload rc = SignedPayload.sign(OUTSIDER, chain, MessageType.ROUND_CHANGE, 1, round, SignedPayload.NO_DIGEST, -1);
            cluster.inject(OUTSIDER.publicKey(), 0, MessageCodec.encode(new RoundChange(rc, Optional.empty(), List.of())));
        }
        SignedPayload prepare = SignedPayload.sign(OUTSIDER, chain, MessageType.PREPARE, 1, 0, digest, -1);
        cluster.inject(OUTSIDER.publicKey(), 0, MessageCodec.encode(new Prepare(prepare)));
        SignedPayload commit = SignedPayload.sign(OUTSIDER, chain, MessageType.COMMIT, 1, 0, digest, -1);
        cluster.inject(OUTSIDER.publicKey(), 0, MessageCodec.encode(new Commit(commit,
                dev.metanode.consensus.chain.CommitSeal.sign(OUTSIDER, digest).signature())));
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            byte[] junk = new byte[random.nextInt(300)];
            random.nextBytes(junk);
            cluster.inject(OUTSIDER.publicKey(), 0, junk);
        }
        assertEquals(0, cluster.node(0).round(), "an outsider cannot move a validator's round");
        assertEquals(0, cluster.node(0).height());
        assertEquals(Long.MAX_VALUE, cluster.node(0).nextWakeMillis(), "nothing to do, no timer");
        cluster.submit(0, 1);
        cluster.runUntilHeight(1, 10_000);
    }

    @Test
    void aValidatorsSignatureOnTheWrongChainIsIgnored() {
        TestCluster cluster = new TestCluster(4);
        SigningKey member = cluster.keys.get(1);
        for (int round = 1; round <= 3; round++) {
            SignedPayload rc = SignedPayload.sign(member, "another-chain", MessageType.ROUND_CHANGE, 1, round,
                    SignedPayload.NO_DIGEST, -1);
            cluster.inject(member.publicKey(), 0, MessageCodec.encode(new RoundChange(rc, Optional.empty(), List.of())));
            cluster.inject(cluster.keys.get(2).publicKey(), 0, MessageCodec.encode(new RoundChange(
                    SignedPayload.sign(cluster.keys.get(2), "another-chain", MessageType.ROUND_CHANGE, 1, round,
                            SignedPayload.NO_DIGEST, -1), Optional.empty(), List.of())));
        }
        assertEquals(0, cluster.node(0).round());
    }
}

package dev.metanode.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.consensus.codec.MalformedMessageException;
import dev.metanode.consensus.payload.Commit;
import dev.metanode.consensus.payload.MessageCodec;
import dev.metanode.consensus.payload.Proposal;
import org.junit.jupiter.api.Test;

/** Round changes: a silent proposer is replaced; a prepared block is re-proposed; a stalled network recovers within 2x the cap. */
class RoundChangeTest {
    @Test
    void aSilentProposerIsReplacedInALaterRound() {
        TestCluster cluster = new TestCluster(4);
        int silent = firstProposer(cluster);
        cluster.drop = e -> e.from() == silent;
        cluster.submit((silent + 1) % 4, 1);
        cluster.runUntilHeight(1, 10_000);
        var header = cluster.node((silent + 1) % 4).block(1).orElseThrow().header();
        assertTrue(header.round() >= 1, "committed in round " + header.round());
        assertNotEquals(cluster.keys.get(silent).publicKey(), header.proposer());
    }

    @Test
    void aPreparedBlockIsReProposedAfterARoundChange() {
        TestCluster cluster = new TestCluster(4);
        byte[][] proposed = new byte[1][];
        // Everyone prepares round 0's block, but no commit of round 0 arrives: the round must change.
        cluster.drop = e -> {
            try {
                var m = MessageCodec.decode(e.bytes());
                if (m instanceof Proposal p && p.payload().round() == 0) {
                    proposed[0] = p.block().hash();
                }
                return m instanceof Commit c && c.payload().round() == 0;
            } catch (MalformedMessageException ex) {
                return true;
            }
        };
        cluster.submit(0, 1);
        cluster.runUntilHeight(1, 10_000);
        var header = cluster.node(0).block(1).orElseThrow().header();
        assertEquals(0, header.round(), "the block of round 0 was committed in a later round");
        assertEquals(java.util.HexFormat.of().formatHex(proposed[0]), header.hashHex());
    }

    @Test
    void recoversWithinTwiceTheCapOnceAQuorumIsBack() {
        TestCluster cluster = new TestCluster(4);
        cluster.drop = e -> e.from() >= 2 || e.to() >= 2; // no quorum: 2 of 4 cut off
        cluster.submit(0, 1);
        cluster.submit(2, 2);
        cluster.runFor(20 * TestCluster.TIMER.roundTimeoutMsMax());
        assertEquals(0, cluster.node(0).height());
        assertTrue(cluster.node(0).round() > 5, "rounds kept changing: " + cluster.node(0).round());
        cluster.drop = e -> false;
        long took = cluster.runUntilHeight(1, 2 * TestCluster.TIMER.roundTimeoutMsMax());
        assertTrue(took <= 2 * TestCluster.TIMER.roundTimeoutMsMax(), "recovered in " + took + " ms");
    }

    private static int firstProposer(TestCluster cluster) {
        var ctx = cluster.node(0);
        // The proposer of height 1, round 0 is drawn from the genesis seed.
        var seed = dev.metanode.consensus.vrf.ProposerSelector.genesisSeed(cluster.genesis.hash());
        return cluster.indexOf(dev.metanode.consensus.vrf.ProposerSelector.select(ctx.validators(), seed, 0).key());
    }
}

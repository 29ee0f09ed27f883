package dev.metanode.consensus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.consensus.payload.FinalBlock;
import dev.metanode.consensus.payload.MessageCodec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A peer one height behind is offered the final block only if it has not moved on within the
 * grace: a merely slower peer finishes the height from the same messages, and a peer that lost a
 * commit gets the block long before its round timer would have moved it.
 */
class LaggingPeerOfferTest {
    /** Final blocks sent, as (from, to). */
    private static List<int[]> finalBlocksSent(TestCluster cluster) {
        List<int[]> sent = new ArrayList<>();
        var earlier = cluster.drop;
        cluster.drop = e -> {
            if (isFinalBlock(e.bytes())) {
                sent.add(new int[] {e.from(), e.to()});
            }
            return earlier.test(e);
        };
        return sent;
    }

    private static boolean isFinalBlock(byte[] bytes) {
        try {
            return MessageCodec.decode(bytes) instanceof FinalBlock;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void aSlowPeerThatMovesOnIsOfferedNothing() {
        TestCluster cluster = new TestCluster(4);
        List<int[]> sent = finalBlocksSent(cluster);
        var offers = cluster.drop;
        // Node 3's commits reach the others only once they are final: it is the slow one, and
        // every height they hear from it late. It finishes each height from their commits.
        LateCommits late = new LateCommits(cluster, 3, offers);
        for (long h = 1; h <= 5; h++) {
            late.hold();
            cluster.submit((int) (h % 3), h);
            cluster.runUntilHeight(h, 5_000);
            assertEquals(3, late.held(), "node 3's commits at height " + h + " were held");
            late.release();
            cluster.runFor(10);
        }
        assertEquals(List.of(), sent.stream().map(s -> s[0] + "->" + s[1]).toList());
        // Then the chain idles: nothing shows that the late peers finished the last height, so each
        // gets that block once from each peer that heard from it late; nothing more.
        cluster.runFor(10 * NodeCatchUp.OFFER_GRACE_MS);
        List<String> pairs = sent.stream().map(s -> s[0] + "->" + s[1]).toList();
        assertEquals(pairs.stream().distinct().toList(), pairs, "one offer per pair at most");
    }

    @Test
    void aPeerThatLostItsCommitsGetsTheBlockAfterTheGrace() {
        // The production round timer (1 s), so that catching up before it is the offer's doing.
        var keys = TestChains.keys(4);
        TestCluster cluster = new TestCluster(TestChains.genesis(keys), keys, dev.metanode.consensus.statemachine.RoundTimer.DEFAULT);
        List<int[]> sent = finalBlocksSent(cluster);
        var offers = cluster.drop;
        // Node 3 loses every commit sent to it, and its own commit is held back until the other
        // three, the quorum, are final: they hear from it late, as from a slow peer.
        LateCommits late = new LateCommits(cluster, 3,
                e -> offers.test(e) || (e.to() == 3 && isKind(e.bytes(), dev.metanode.consensus.payload.Commit.class)));
        cluster.submit(0, 1);
        long start = cluster.now;
        while (cluster.node(0).height() < 1) {
            cluster.runFor(5);
            assertTrue(cluster.now - start < 1_000, "nodes 0-2 commit height 1 in round 0");
        }
        long committedAt = cluster.now;
        assertEquals(0, cluster.node(3).height(), "node 3 cannot finish without the commits");
        assertEquals(3, late.held(), "node 3 committed and its commits were held");
        late.release();
        cluster.runFor(NodeCatchUp.OFFER_GRACE_MS / 2);
        assertEquals(0, cluster.node(3).height());
        assertEquals(0, sent.size(), "no offer inside the grace");
        cluster.runUntilHeight(1, 5_000);
        assertTrue(cluster.now - committedAt >= NodeCatchUp.OFFER_GRACE_MS - 5, "offered after the grace");
        assertTrue(cluster.now - start < cluster.timer.roundTimeoutMsBase(),
                "caught up after " + (cluster.now - start) + " ms, before its round timer");
        assertTrue(!sent.isEmpty() && sent.stream().allMatch(s -> s[1] == 3), "the block was offered to node 3 only");
        assertArrayEquals(cluster.node(0).block(1).orElseThrow().block().hash(),
                cluster.node(3).block(1).orElseThrow().block().hash());
    }

    private static boolean isKind(byte[] bytes, Class<?> kind) {
        try {
            return kind.isInstance(MessageCodec.decode(bytes));
        } catch (Exception e) {
            return false;
        }
    }

    /** Holds one node's commits back, dropping what {@code otherDrops} drops, until released into the queue. */
    private static final class LateCommits {
        private final TestCluster cluster;
        private final List<TestCluster.Envelope> held = new ArrayList<>();
        private boolean holding = true;

        LateCommits(TestCluster cluster, int from, java.util.function.Predicate<TestCluster.Envelope> otherDrops) {
            this.cluster = cluster;
            cluster.drop = e -> {
                if (holding && e.from() == from && isKind(e.bytes(), dev.metanode.consensus.payload.Commit.class)) {
                    held.add(e);
                    return true;
                }
                return otherDrops.test(e);
            };
        }

        void hold() {
            holding = true;
        }

        int held() {
            return held.size();
        }

        /** Stops holding and delivers the held commits, late. */
        void release() {
            holding = false;
            cluster.queue.addAll(held);
            held.clear();
        }
    }
}

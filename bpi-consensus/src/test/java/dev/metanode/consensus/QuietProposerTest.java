package dev.metanode.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.consensus.chain.BlockHeader;
import dev.metanode.core.crypto.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A validator that is down costs a full round timeout at its first turn as proposer, then only
 * the short one at each later turn; once it is back and signs again, it proposes in round 0 as before.
 */
class QuietProposerTest {
    @Test
    void aDeadProposerCostsOneFullTimeoutThenShortOnes() {
        TestCluster cluster = new TestCluster(4);
        cluster.crash(3);
        PublicKey dead = cluster.keys.get(3).publicKey();
        List<Long> turnsTook = new ArrayList<>();
        long height = 0;
        while (turnsTook.size() < 6) {
            height++;
            cluster.submit(0, height);
            long took = cluster.runUntilHeight(height, 60_000);
            BlockHeader header = cluster.node(0).block(height).orElseThrow().header();
            if (header.round() > 0) {
                turnsTook.add(took); // only the dead validator's turns fail: nothing else is dropped
            } else {
                assertTrue(took <= 10, "a height with a live proposer took " + took + " ms");
            }
            assertTrue(!header.proposer().equals(dead));
            assertTrue(height < 200, "the dead validator was drawn only " + turnsTook.size() + " times");
        }
        System.out.println("the dead validator's turns took " + turnsTook + " ms (virtual time)");
        assertTrue(turnsTook.get(0) >= TestCluster.TIMER.timeoutMs(0), "first turn: " + turnsTook);
        long quiet = TestCluster.TIMER.quietProposerTimeoutMs();
        for (long took : turnsTook.subList(1, turnsTook.size())) {
            assertTrue(took < TestCluster.TIMER.timeoutMs(0), "later turns wait about " + quiet + " ms each: " + turnsTook);
        }
    }

    @Test
    void aValidatorThatIsBackProposesInRoundZeroAgain() {
        TestCluster cluster = new TestCluster(4);
        cluster.crash(3);
        PublicKey back = cluster.keys.get(3).publicKey();
        long height = 0;
        int missed = 0;
        while (missed < 2) {
            height++;
            cluster.submit(0, height);
            cluster.runUntilHeight(height, 60_000);
            missed += cluster.node(0).block(height).orElseThrow().header().round() > 0 ? 1 : 0;
        }
        cluster.start(3);
        long restartedAt = height;
        boolean proposedAgain = false;
        while (!proposedAgain) {
            height++;
            cluster.submit(0, height);
            cluster.runUntilHeight(height, 60_000);
            BlockHeader header = cluster.node(0).block(height).orElseThrow().header();
            proposedAgain = header.proposer().equals(back) && header.round() == 0;
            assertTrue(height < restartedAt + 100, "the restarted validator never proposed in round 0");
        }
        assertEquals(cluster.node(0).height(), cluster.node(3).height(), "it caught up");
    }
}

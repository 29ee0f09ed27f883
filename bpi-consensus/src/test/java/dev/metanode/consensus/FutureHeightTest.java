package dev.metanode.consensus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A validator that missed heights buffers the messages of later heights and catches up with final blocks. */
class FutureHeightTest {
    @Test
    void aValidatorCutOffForTwoHeightsCatchesUp() {
        TestCluster cluster = new TestCluster(4);
        cluster.drop = e -> e.from() == 3 || e.to() == 3;
        cluster.submit(0, 1);
        cluster.runFor(5_000);
        cluster.submit(1, 2);
        cluster.runFor(5_000);
        assertEquals(2, cluster.node(0).height());
        assertEquals(0, cluster.node(3).height());
        cluster.drop = e -> false;
        cluster.submit(0, 3);
        cluster.runUntilHeight(3, 10_000);
        for (long h = 1; h <= 3; h++) {
            assertArrayEquals(cluster.node(0).block(h).orElseThrow().block().hash(),
                    cluster.node(3).block(h).orElseThrow().block().hash());
        }
    }

    @Test
    void theFutureBufferIsBounded() {
        FutureMessages buffer = new FutureMessages();
        var signer = dev.metanode.core.testing.TestKeys.key(1).publicKey();
        var message = new dev.metanode.consensus.payload.BlockRequest(1);
        int kept = 0;
        for (int i = 0; i < 10 * FutureMessages.MESSAGES_PER_SIGNER_MAX; i++) {
            kept += buffer.add(1, 2, signer, message) ? 1 : 0;
        }
        assertEquals(FutureMessages.MESSAGES_PER_SIGNER_MAX, kept);
        assertEquals(false, buffer.add(1, 1 + FutureMessages.HEIGHTS_AHEAD_MAX + 1,
                dev.metanode.core.testing.TestKeys.key(2).publicKey(), message));
        assertEquals(FutureMessages.MESSAGES_PER_SIGNER_MAX, buffer.take(2).size());
        assertEquals(0, buffer.size());
    }
}

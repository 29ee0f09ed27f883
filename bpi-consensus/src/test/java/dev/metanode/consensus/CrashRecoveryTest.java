package dev.metanode.consensus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.consensus.codec.MalformedMessageException;
import dev.metanode.consensus.payload.Commit;
import dev.metanode.consensus.payload.MessageCodec;
import dev.metanode.consensus.payload.MessageType;
import dev.metanode.consensus.state.SigningGuard;
import org.junit.jupiter.api.Test;

/** A validator restarted mid-round from the same store never signs anything that conflicts with what it signed before. */
class CrashRecoveryTest {
    @Test
    void aRestartMidRoundKeepsTheLockAndNeverContradictsItself() {
        TestCluster cluster = new TestCluster(4);
        cluster.drop = e -> isCommit(e.bytes()); // everyone prepares, nobody can commit yet
        cluster.submit(0, 1);
        cluster.deliverAll();
        var guard = new SigningGuard(cluster.disks.get(1));
        var lock = guard.loadPrepared(1);
        assertTrue(lock.isPresent(), "the prepared certificate was persisted before the commit was sent");
        byte[] locked = lock.get().block().hash();
        cluster.crash(1);
        cluster.start(1);
        byte[] other = new byte[32];
        assertFalse(guard.allow(MessageType.PREPARE, 1, 0, other, -1), "a conflicting prepare for the same slot is refused");
        assertFalse(guard.allow(MessageType.COMMIT, 1, 0, other, -1));
        assertTrue(guard.allow(MessageType.PREPARE, 1, 0, locked, -1), "repeating the same statement is fine");
        cluster.drop = e -> false;
        cluster.runUntilHeight(1, 20_000);
        assertArrayEquals(locked, cluster.node(1).block(1).orElseThrow().block().hash(), "the locked block became final");
    }

    @Test
    void aCrashedValidatorRejoinsFromItsStore() {
        TestCluster cluster = new TestCluster(4);
        cluster.submit(0, 1);
        cluster.runUntilHeight(1, 10_000);
        cluster.crash(2);
        cluster.submit(0, 2);
        cluster.runUntilHeight(2, 10_000);
        cluster.start(2);
        cluster.submit(1, 3);
        cluster.runUntilHeight(3, 10_000);
        assertArrayEquals(cluster.node(0).block(2).orElseThrow().block().hash(), cluster.node(2).block(2).orElseThrow().block().hash());
    }

    private static boolean isCommit(byte[] bytes) {
        try {
            return MessageCodec.decode(bytes) instanceof Commit;
        } catch (MalformedMessageException e) {
            return false;
        }
    }
}

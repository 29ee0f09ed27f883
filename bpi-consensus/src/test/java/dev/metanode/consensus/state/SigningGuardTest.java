package dev.metanode.consensus.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.consensus.chain.Block;
import dev.metanode.consensus.chain.BlockHeader;
import dev.metanode.consensus.payload.MessageType;
import dev.metanode.consensus.poh.PohRecorder;
import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.store.KvStore;
import dev.metanode.core.store.MemoryKvStore;
import dev.metanode.core.store.WriteBatch;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SigningGuardTest {
    private final MemoryKvStore store = new MemoryKvStore();

    @Test
    void theLockGoesToDiskWithTheNextSignaturesRecordNotBefore() {
        SigningGuard guard = new SigningGuard(store);
        Block block = block(3);
        guard.savePrepared(3, 1, block, List.of());
        assertTrue(guard.loadPrepared(3).isPresent(), "this process sees the lock at once");
        assertTrue(new SigningGuard(store).loadPrepared(3).isEmpty(), "but nothing is written before a signature needs it");

        assertTrue(guard.allow(MessageType.COMMIT, 3, 1, block.hash(), -1));
        var afterRestart = new SigningGuard(store).loadPrepared(3);
        assertTrue(afterRestart.isPresent(), "the commit's synced record carried the lock");
        assertEquals(1, afterRestart.get().round());
        assertArrayEquals(block.hash(), afterRestart.get().block().hash());
    }

    @Test
    void aRepeatedOrRefusedSignatureStillWritesAPendingLock() {
        SigningGuard guard = new SigningGuard(store);
        assertTrue(guard.allow(MessageType.PREPARE, 5, 0, new byte[32], -1));
        guard.savePrepared(5, 0, block(5), List.of());
        assertFalse(guard.allow(MessageType.PREPARE, 5, 0, new byte[] {1}, -1), "a conflicting statement is refused");
        assertTrue(new SigningGuard(store).loadPrepared(5).isPresent());
    }

    @Test
    void forgetDeletesEarlierHeightsIncludingWhatAnEarlierRunLeft() {
        SigningGuard earlier = new SigningGuard(store);
        earlier.allow(MessageType.PREPARE, 1, 0, new byte[32], -1);
        earlier.savePrepared(1, 0, block(1), List.of());
        earlier.allow(MessageType.COMMIT, 1, 0, new byte[32], -1);

        SigningGuard guard = new SigningGuard(store);
        guard.allow(MessageType.PREPARE, 2, 0, new byte[32], -1);
        guard.allow(MessageType.PREPARE, 3, 0, new byte[32], -1);
        store.write(guard.forget(2), true);

        assertEquals(List.of(3L), heightsIn(store));
        assertEquals(-1, guard.lastRound(2));
        assertEquals(0, guard.lastRound(3));
        assertTrue(guard.loadPrepared(1).isEmpty());
        assertTrue(guard.forget(2).isEmpty(), "nothing is deleted twice");
    }

    @Test
    void aLockOfAForgottenHeightIsNotWrittenLater() {
        SigningGuard guard = new SigningGuard(store);
        guard.savePrepared(4, 0, block(4), List.of());
        WriteBatch forget = guard.forget(4);
        store.write(forget, true);
        guard.allow(MessageType.PREPARE, 5, 0, new byte[32], -1);
        assertTrue(new SigningGuard(store).loadPrepared(4).isEmpty());
    }

    private static List<Long> heightsIn(KvStore store) {
        List<Long> heights = new ArrayList<>();
        store.scan(ConsensusColumns.GUARD, null, (k, v) -> heights.add(java.nio.ByteBuffer.wrap(k, 1, 8).getLong()));
        return heights;
    }

    private static Block block(long height) {
        SigningKey proposer = SigningKey.generate(new SecureRandom());
        byte[] parent = new byte[32];
        BlockHeader header = new BlockHeader("test-chain", height, 0, parent, PohRecorder.record(parent, List.of()),
                new byte[32], new byte[32], List.of(), new byte[32], proposer.publicKey(), new byte[80], 1_000_000L + height);
        return new Block(header, List.of());
    }
}

package dev.metanode.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DedupCacheTest {
    private final ManualClock clock = new ManualClock();

    private static MessageId id(int i) {
        return MessageId.of(new Message(1, 1, new byte[] {(byte) i, (byte) (i >> 8)}));
    }

    @Test
    void remembersWithinTtl() {
        DedupCache cache = new DedupCache(10, 1_000, clock);
        assertTrue(cache.firstSeen(id(1)));
        assertFalse(cache.firstSeen(id(1)));
        clock.advanceMs(999);
        assertFalse(cache.firstSeen(id(1)));
        clock.advanceMs(1);
        assertTrue(cache.firstSeen(id(1)), "forgotten after its ttl");
    }

    @Test
    void boundedInEntries() {
        DedupCache cache = new DedupCache(100, 1_000_000, clock);
        for (int i = 0; i < 1_000; i++) {
            assertTrue(cache.firstSeen(id(i)));
        }
        assertEquals(100, cache.size());
        assertFalse(cache.firstSeen(id(999)));
        assertTrue(cache.firstSeen(id(0)), "the oldest ids were dropped");
    }
}

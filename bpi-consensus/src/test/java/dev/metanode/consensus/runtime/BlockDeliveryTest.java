package dev.metanode.consensus.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.ledger.CommittedBlock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Blocks that do not fit the delivery queue are read back from the store: no gaps, no waiting publisher. */
@Timeout(30)
class BlockDeliveryTest {
    @Test
    void anOverflowingQueueIsFilledFromTheStoreInOrder() throws Exception {
        Map<Long, CommittedBlock> store = new ConcurrentHashMap<>();
        BlockDelivery delivery = new BlockDelivery("test-delivery", 2, h -> Optional.ofNullable(store.get(h)));
        List<Long> seen = new CopyOnWriteArrayList<>();
        delivery.follow(block -> {
            seen.add(block.height());
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        delivery.start(0);
        long start = System.nanoTime();
        for (long h = 1; h <= 30; h++) {
            CommittedBlock block = new CommittedBlock(h, new byte[32], h, List.of(), List.of());
            store.put(h, block);
            delivery.published(block);
        }
        assertTrue((System.nanoTime() - start) / 1_000_000 < 100, "publishing never waits for the listener");
        assertTrue(delivery.overflowed() > 0, "the queue overflowed");
        delivery.stop();
        assertEquals(LongStream.rangeClosed(1, 30).boxed().toList(), seen);
    }
}

package dev.metanode.consensus.vrf;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * A check allocates next to nothing per signature once a thread's workspace has grown: in a batch
 * only the answers array and list views, alone nothing at all. Bouncy Castle's single check
 * allocates ~7 KB per signature, the former batch code a few KB.
 */
class Ed25519AllocationTest {
    /** Generous: the answers array and two list views per batch of 64 come to ~2 bytes per signature. */
    private static final double MOST_BYTES_PER_SIGNATURE = 64;

    @Test
    void checksAllocateAlmostNothingPerSignature() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        List<Ed25519Batch.Check> checks = Ed25519BatchTest.honest(256, 40, 77);
        IntSupplier batches = () -> {
            for (int from = 0; from < checks.size(); from += 64) {
                boolean[] answers = Ed25519Batch.verifyEach(checks.subList(from, from + 64));
                assertTrue(answers[0] && answers[63]);
            }
            return checks.size();
        };
        IntSupplier singles = () -> {
            for (Ed25519Batch.Check c : checks) {
                assertTrue(Ed25519Batch.verify(c.publicKey(), c.message(), c.signature()));
            }
            return checks.size();
        };
        for (IntSupplier work : List.of(batches, singles)) {
            work.getAsInt(); // the workspace grows, the keys are decoded and cached
            long id = Thread.currentThread().threadId();
            long before = threads.getThreadAllocatedBytes(id);
            int n = 0;
            for (int round = 0; round < 4; round++) {
                n += work.getAsInt();
            }
            double perSignature = (threads.getThreadAllocatedBytes(id) - before) / (double) n;
            assertTrue(perSignature < MOST_BYTES_PER_SIGNATURE, perSignature + " bytes per signature");
        }
    }
}

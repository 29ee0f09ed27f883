package dev.metanode.consensus.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Seeded simulations: 1,000 in every build, 100,000 in the soak profile. A failure prints its seed. */
class SimulationTest {
    static final int SEEDS_DEFAULT = 1_000;
    static final int SEEDS_SOAK = 100_000;

    @Test
    void oneThousandSeedsKeepSafetyAndLiveness() {
        runSeeds(0, SEEDS_DEFAULT);
    }

    @Test
    @Tag("soak")
    void oneHundredThousandSeeds() {
        runSeeds(1_000_000, SEEDS_SOAK);
    }

    /** Seeds that once found a bug, kept as regression tests. */
    @Test
    void seedsThatFoundBugsPass() {
        // 1064640 (soak, 2026-12-03, at commit 2294a6c): a validator that had entered round 1 without
        // announcing it (moved on by its peers), prepared there and restarted, announced round 1
        // naming round 1 as prepared, which is not a valid round change, and the node threw. Since
        // gossip carries many transactions per message the seed takes another path; it stays here
        // as a run that once failed.
        for (long seed : new long[] {1_064_640L}) {
            assertTrue(new Simulation(seed).run().messages() > 0, "seed " + seed);
        }
    }

    @Test
    void aSeedReplaysExactly() {
        assertTrue(new Simulation(42).run().equals(new Simulation(42).run()));
    }

    private static void runSeeds(long first, int count) {
        AtomicLong messages = new AtomicLong();
        LongStream.range(first, first + count).parallel().forEach(seed -> messages.addAndGet(new Simulation(seed).run().messages()));
        assertTrue(messages.get() > count, "the simulations exchanged messages");
    }
}

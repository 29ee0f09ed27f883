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

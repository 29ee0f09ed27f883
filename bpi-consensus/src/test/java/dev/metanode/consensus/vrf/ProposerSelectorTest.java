package dev.metanode.consensus.vrf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.consensus.TestChains;
import dev.metanode.consensus.chain.Validator;
import dev.metanode.consensus.chain.ValidatorSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Later rounds of a height try validators not yet tried, so one silent validator costs one round. */
class ProposerSelectorTest {
    private final ValidatorSet four = TestChains.genesis(TestChains.keys(4)).validators();

    @Test
    void theFirstRoundsOfAHeightEachHaveAnotherProposer() {
        for (int height = 0; height < 200; height++) {
            byte[] seed = VrfSecretKey.sha512(new byte[] {(byte) height, (byte) (height >> 8)});
            Set<Validator> seen = new HashSet<>();
            for (int round = 0; round < 4; round++) {
                assertTrue(seen.add(ProposerSelector.select(four, seed, round)), "round " + round + " repeats");
            }
            assertEquals(ProposerSelector.select(four, seed, 2), ProposerSelector.select(four, seed, 2), "deterministic");
            assertTrue(seen.contains(ProposerSelector.select(four, seed, 4)), "after everyone, the draw starts over");
        }
    }

    @Test
    void theFirstRoundIsAFairStakeWeightedDraw() {
        Map<Validator, Integer> wins = new HashMap<>();
        int heights = 4_000;
        for (int height = 0; height < heights; height++) {
            byte[] seed = VrfSecretKey.sha512(new byte[] {(byte) height, (byte) (height >> 8), 1});
            wins.merge(ProposerSelector.select(four, seed, 0), 1, Integer::sum);
        }
        assertEquals(4, wins.size());
        // equal stakes: each near a quarter (4 sigma of a binomial(4000, 1/4) is about 110)
        wins.values().forEach(w -> assertTrue(Math.abs(w - heights / 4) < 110, "wins " + wins.values()));
    }
}

package dev.metanode.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PeerScoresTest {
    private final ManualClock clock = new ManualClock();
    private final PeerScores<String> scores = new PeerScores<>(-100, 60_000, clock);

    @Test
    void bansAtThresholdAndForgivesAfterBanDuration() {
        assertFalse(scores.penalize("p", Misbehaviour.BAD_FRAME));
        assertEquals(-50, scores.score("p"));
        assertTrue(scores.penalize("p", Misbehaviour.BAD_FRAME));
        assertTrue(scores.isBanned("p"));
        assertFalse(scores.isBanned("q"));
        clock.advanceMs(59_999);
        assertTrue(scores.isBanned("p"));
        clock.advanceMs(1);
        assertFalse(scores.isBanned("p"));
        assertEquals(0, scores.score("p"));
    }

    @Test
    void notAllowedBansAtOnce() {
        assertTrue(scores.penalize("p", Misbehaviour.NOT_ALLOWED));
    }

    @Test
    void failedHandshakesAddUp() {
        for (int i = 0; i < 4; i++) {
            assertFalse(scores.penalize("p", Misbehaviour.HANDSHAKE_FAILED));
        }
        assertTrue(scores.penalize("p", Misbehaviour.HANDSHAKE_FAILED));
    }
}

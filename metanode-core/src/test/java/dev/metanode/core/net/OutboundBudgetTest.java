package dev.metanode.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OutboundBudgetTest {
    @Test
    void boundsFramesAndBytes() {
        OutboundBudget budget = new OutboundBudget(3, 100);
        assertTrue(budget.tryReserve(40));
        assertTrue(budget.tryReserve(40));
        assertFalse(budget.tryReserve(40), "bytes limit");
        assertTrue(budget.tryReserve(20));
        assertFalse(budget.tryReserve(1), "frames limit");
        assertEquals(3, budget.frames());
        assertEquals(100, budget.bytes());
        budget.release(40);
        assertTrue(budget.tryReserve(1));
    }
}

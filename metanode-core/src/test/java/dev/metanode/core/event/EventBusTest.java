package dev.metanode.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.kernel.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventBusTest {
    private final Clock clock = Clock.SYSTEM;

    @Test
    void subscriberReceivesEventsInOrderWithMonotonicSeq() {
        EventBus bus = new EventBus(clock);
        try (EventFeed.Subscription sub = bus.subscribe(EventFilter.ALL)) {
            bus.publish(Event.RECEIPT, Map.of("id", "r1", "kind", "deploy", "app", "shop"));
            bus.publish(Event.BLOCK, Map.of("height", 7L));
            Event first = sub.poll();
            Event second = sub.poll();
            assertEquals(Event.RECEIPT, first.type());
            assertEquals("shop", first.app());
            assertTrue(first.timeMs() > 0);
            assertTrue(second.seq() > first.seq());
            assertNull(sub.poll());
        }
    }

    @Test
    void filterByTypeAndApp() {
        EventBus bus = new EventBus(clock);
        try (EventFeed.Subscription sub = bus.subscribe(EventFilter.parse("types=receipt,app&app=shop"))) {
            bus.publish(Event.BLOCK, Map.of("height", 1L));
            bus.publish(Event.RECEIPT, Map.of("id", "r1", "app", "other"));
            bus.publish(Event.RECEIPT, Map.of("id", "r2", "app", "shop"));
            assertEquals("r2", sub.poll().body().get("id"));
            assertNull(sub.poll());
        }
    }

    @Test
    void slowSubscriberIsToldWhatItLostAndThePublisherNeverWaits() {
        EventBus bus = new EventBus(clock, 4, 8);
        try (EventFeed.Subscription slow = bus.subscribe(EventFilter.ALL);
                EventFeed.Subscription fast = bus.subscribe(EventFilter.ALL)) {
            long start = System.nanoTime();
            for (int i = 0; i < 100_000; i++) {
                bus.publish(Event.BLOCK, Map.of("height", (long) i));
                fast.poll();
            }
            assertTrue(System.nanoTime() - start < 5_000_000_000L, "publisher was slowed");
            Event lagged = slow.poll();
            assertEquals(Event.LAGGED, lagged.type());
            assertEquals(100_000L - 8, lagged.body().get("dropped"));
            for (int i = 0; i < 8; i++) {
                assertEquals(Event.BLOCK, slow.poll().type());
            }
            assertNull(slow.poll());
        }
    }

    @Test
    void subscriberLimitIsEnforcedAndClosingFreesASlot() {
        EventBus bus = new EventBus(clock, 2, 8);
        EventFeed.Subscription a = bus.subscribe(EventFilter.ALL);
        bus.subscribe(EventFilter.ALL);
        assertThrows(EventFeed.TooManySubscribersException.class, () -> bus.subscribe(EventFilter.ALL));
        a.close();
        bus.subscribe(EventFilter.ALL);
        assertEquals(2, bus.subscriberCount());
    }

    @Test
    void wakeUpRunsWhenAnEventIsQueued() {
        EventBus bus = new EventBus(clock);
        int[] woken = {0};
        try (EventFeed.Subscription sub = bus.subscribe(EventFilter.ALL)) {
            sub.onReady(() -> woken[0]++);
            bus.publish(Event.APP, Map.of("app", "shop", "state", "deployed"));
            assertEquals(1, woken[0]);
        }
    }
}

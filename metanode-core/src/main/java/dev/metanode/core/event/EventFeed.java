package dev.metanode.core.event;

import java.util.Map;

/**
 * The port between what publishes events (the daemon) and what streams them (the HTTP cage's
 * {@code /ws}). Publishing never blocks and never waits on a subscriber: a slow subscriber
 * loses events and is told how many, the node is not slowed.
 */
public interface EventFeed {

    /** Stamps the event with the next seq and the time and offers it to every subscriber. */
    void publish(String type, Map<String, Object> body);

    /**
     * Registers a subscriber whose events pass {@code filter}.
     *
     * @throws TooManySubscribersException when the feed is at its subscriber limit
     */
    Subscription subscribe(EventFilter filter);

    /** What a subscriber holds: a bounded queue of its events, closed to unsubscribe. */
    interface Subscription extends AutoCloseable {
        /**
         * The next event without waiting, or null when there is none. After events were
         * dropped, a {@code lagged} event with body {@code dropped} comes first.
         */
        Event poll();

        /** Called (on the publisher's thread, so it must be quick) when an event is queued. */
        void onReady(Runnable wakeUp);

        @Override
        void close();
    }

    /** Refused subscription: the feed already has its maximum number of subscribers. */
    final class TooManySubscribersException extends RuntimeException {
        public TooManySubscribersException(int max) {
            super("too many event subscribers (max " + max + ")");
        }
    }
}

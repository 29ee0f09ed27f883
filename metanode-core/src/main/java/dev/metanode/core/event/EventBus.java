package dev.metanode.core.event;

import dev.metanode.core.kernel.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-process {@link EventFeed}: each subscriber has its own bounded queue. Publishing
 * offers to every queue and moves on; a full queue counts the drop instead of waiting, so
 * memory is bounded by {@code subscribersMax * queueLengthMax} events and the publisher
 * (a receipt append, a block commit) never waits on a WebSocket.
 */
public final class EventBus implements EventFeed {
    public static final int SUBSCRIBERS_MAX_DEFAULT = 64;
    public static final int QUEUE_LENGTH_MAX_DEFAULT = 256;

    private final Clock clock;
    private final int subscribersMax;
    private final int queueLengthMax;
    private final AtomicLong seq = new AtomicLong();
    private final List<Queued> subscribers = new CopyOnWriteArrayList<>();

    public EventBus(Clock clock, int subscribersMax, int queueLengthMax) {
        if (subscribersMax < 1 || queueLengthMax < 1) {
            throw new IllegalArgumentException("subscribersMax and queueLengthMax must be positive");
        }
        this.clock = clock;
        this.subscribersMax = subscribersMax;
        this.queueLengthMax = queueLengthMax;
    }

    public EventBus(Clock clock) {
        this(clock, SUBSCRIBERS_MAX_DEFAULT, QUEUE_LENGTH_MAX_DEFAULT);
    }

    @Override
    public void publish(String type, Map<String, Object> body) {
        Event event = new Event(type, seq.incrementAndGet(), clock.millis(), body);
        for (Queued subscriber : subscribers) {
            subscriber.offer(event);
        }
    }

    @Override
    public synchronized Subscription subscribe(EventFilter filter) {
        if (subscribers.size() >= subscribersMax) {
            throw new TooManySubscribersException(subscribersMax);
        }
        Queued subscriber = new Queued(filter);
        subscribers.add(subscriber);
        return subscriber;
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    private final class Queued implements Subscription {
        private final EventFilter filter;
        private final ArrayBlockingQueue<Event> queue = new ArrayBlockingQueue<>(queueLengthMax);
        private final AtomicLong dropped = new AtomicLong();
        private volatile Runnable wakeUp = () -> { };

        Queued(EventFilter filter) {
            this.filter = filter;
        }

        void offer(Event event) {
            if (!filter.accepts(event)) {
                return;
            }
            if (!queue.offer(event)) {
                dropped.incrementAndGet();
            }
            wakeUp.run();
        }

        @Override
        public Event poll() {
            // The lag notice goes out at the next read rather than in order: the seq gaps in
            // what follows show exactly which events were lost.
            long lost = dropped.getAndSet(0);
            if (lost > 0) {
                return new Event(Event.LAGGED, seq.get(), clock.millis(), Map.of("dropped", lost));
            }
            return queue.poll();
        }

        @Override
        public void onReady(Runnable wakeUp) {
            this.wakeUp = wakeUp;
        }

        @Override
        public void close() {
            subscribers.remove(this);
        }
    }
}

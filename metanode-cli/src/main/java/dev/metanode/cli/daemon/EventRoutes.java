package dev.metanode.cli.daemon;

import dev.metanode.core.codec.Json;
import dev.metanode.core.event.Event;
import dev.metanode.core.event.EventFeed;
import dev.metanode.core.event.EventFilter;
import dev.metanode.core.event.EventJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code GET /api/v1/events?types=receipt,block&app=NAME}: the node's events as NDJSON, one
 * event per line, for {@code metanode events}. The same feed, filter and JSON as the front door's
 * {@code /ws}, offered on the API because that is where the CLI talks to the node, with the node's
 * token: the front door's {@code /ws} takes API keys and JWTs only, and the CLI would have to find
 * its port and, with TLS, trust its CA.
 */
final class EventRoutes {
    /** A quiet stream writes an empty line this often, so that a client that went away is noticed and let go. */
    static final long HEARTBEAT_MS = 10_000;
    private static final byte[] HEARTBEAT = {'\n'};

    private final EventFeed feed;

    EventRoutes(EventFeed feed) {
        this.feed = feed;
    }

    void register(Router router) {
        router.add("GET", "/api/v1/events", this::events);
    }

    ApiResponse events(ApiRequest request) {
        EventFilter filter = EventFilter.parse(queryText(request.query())); // a bad filter is a 400
        return ApiResponse.stream(out -> stream(filter, out));
    }

    /**
     * Subscribes only once the response has started, so that a subscription is always closed by
     * the same code that opened it; a full feed is then reported as an error line.
     */
    private void stream(EventFilter filter, OutputStream out) throws IOException {
        EventFeed.Subscription subscription;
        try {
            subscription = feed.subscribe(filter);
        } catch (EventFeed.TooManySubscribersException e) {
            out.write(line(Json.write(Map.of("error", e.getMessage()))));
            return;
        }
        try (subscription) {
            Semaphore ready = new Semaphore(0);
            subscription.onReady(ready::release);
            while (true) {
                Event event = subscription.poll();
                if (event != null) {
                    out.write(line(EventJson.encode(event)));
                    continue;
                }
                out.flush();
                if (!ready.tryAcquire(HEARTBEAT_MS, TimeUnit.MILLISECONDS)) {
                    out.write(HEARTBEAT);
                }
                ready.drainPermits(); // everything queued meanwhile is polled above
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The query as EventFilter parses it: the same grammar and refusals as /ws. */
    static String queryText(Map<String, String> query) {
        return query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static byte[] line(String json) {
        return (json + "\n").getBytes(StandardCharsets.UTF_8);
    }
}

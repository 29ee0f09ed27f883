package dev.metanode.core.event;

import java.util.Map;
import java.util.Objects;

/**
 * One thing that happened on the node. {@code seq} is monotonic per feed so a subscriber can
 * tell what it missed; {@code body} is small and flat (strings and numbers) so it encodes to
 * one short JSON object.
 */
public record Event(String type, long seq, long timeMs, Map<String, Object> body) {
    public static final String RECEIPT = "receipt";
    public static final String CHECKPOINT = "checkpoint";
    public static final String BLOCK = "block";
    public static final String APP = "app";
    /** Sent to one subscriber in place of the events its full queue dropped. */
    public static final String LAGGED = "lagged";

    public Event {
        Objects.requireNonNull(type, "type");
        body = Map.copyOf(body);
    }

    /** The app this event concerns, or null, for the {@code app=NAME} filter. */
    public String app() {
        Object app = body.get("app");
        return app == null ? null : app.toString();
    }
}

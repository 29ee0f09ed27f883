package dev.metanode.core.event;

import dev.metanode.core.codec.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event on the wire, the same wherever it is streamed (the front door's {@code /ws}, the API's
 * {@code /api/v1/events}): {@code {"type","seq","ts","body"}}, ts as an ISO-8601 instant.
 */
public final class EventJson {
    private EventJson() {}

    public static String encode(Event event) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", event.type());
        out.put("seq", event.seq());
        out.put("ts", Instant.ofEpochMilli(event.timeMs()).toString());
        out.put("body", event.body());
        return Json.write(out);
    }
}

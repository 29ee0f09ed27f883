package dev.metanode.core.event;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Which events a subscriber wants: a set of types (empty = all) and an optional app. Parsed
 * from a query string that anyone can send, so the parser refuses rather than guesses:
 * unknown types, unknown keys and over-long input are IllegalArgumentException.
 */
public record EventFilter(Set<String> types, String app) {
    public static final int QUERY_LENGTH_MAX = 512;
    public static final int APP_NAME_LENGTH_MAX = 63;
    private static final Set<String> KNOWN =
            Set.of(Event.RECEIPT, Event.CHECKPOINT, Event.BLOCK, Event.APP);

    public static final EventFilter ALL = new EventFilter(Set.of(), null);

    public EventFilter {
        types = Set.copyOf(types);
    }

    public boolean accepts(Event event) {
        if (!types.isEmpty() && !types.contains(event.type())) {
            return false;
        }
        return app == null || app.equals(event.app());
    }

    /** Parses {@code types=receipt,block&app=NAME}; null or empty means all events. */
    public static EventFilter parse(String query) {
        if (query == null || query.isEmpty()) {
            return ALL;
        }
        if (query.length() > QUERY_LENGTH_MAX) {
            throw new IllegalArgumentException("query longer than " + QUERY_LENGTH_MAX);
        }
        Set<String> types = Set.of();
        String app = null;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("expected key=value, got " + pair);
            }
            String key = pair.substring(0, eq);
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            switch (key) {
                case "types" -> types = parseTypes(value);
                case "app" -> app = checkApp(value);
                default -> throw new IllegalArgumentException("unknown filter " + key);
            }
        }
        return new EventFilter(types, app);
    }

    private static Set<String> parseTypes(String value) {
        Set<String> types = Set.of(value.split(","));
        for (String type : types) {
            if (!KNOWN.contains(type)) {
                throw new IllegalArgumentException("unknown event type " + type);
            }
        }
        return types;
    }

    private static String checkApp(String value) {
        if (value.isEmpty() || value.length() > APP_NAME_LENGTH_MAX
                || !value.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
            throw new IllegalArgumentException("bad app name");
        }
        return value;
    }
}

package dev.metanode.cli.daemon;

import java.util.List;
import java.util.Map;

/** One API request as the routes see it: path parameters already pulled out by the router. */
public record ApiRequest(String method, String path, Map<String, String> query, List<String> params, byte[] body,
        String remote) {

    public String query(String name, String fallback) {
        return query.getOrDefault(name, fallback);
    }

    public long queryLong(String name, long fallback, long min, long max) {
        String text = query.get(name);
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text);
            if (value < min || value > max) {
                throw new ApiError(400, "query parameter '" + name + "' must be from " + min + " to " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ApiError(400, "query parameter '" + name + "' must be a whole number");
        }
    }
}

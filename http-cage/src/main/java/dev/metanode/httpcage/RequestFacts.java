package dev.metanode.httpcage;

import java.util.Objects;

/**
 * What the decision code may look at in a request head.
 *
 * @param app           the routed app, or {@code _api} for the daemon's API
 * @param method        request method, upper case
 * @param path          the request target's path (no query)
 * @param target        the full request target as sent (path and query)
 * @param authority     the Host header as sent
 * @param scheme        "https" or "http"
 * @param clientAddress the peer's IP address as text
 * @param headers       the request headers
 */
public record RequestFacts(String app, String method, String path, String target, String authority, String scheme,
        String clientAddress, HeaderView headers) {
    public RequestFacts {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(headers, "headers");
    }

    /** The query part of the target without '?', or null if there is none. */
    public String query() {
        int q = target.indexOf('?');
        return q < 0 ? null : target.substring(q + 1);
    }
}

package dev.metanode.cli.daemon;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps a method and a path to a route; {@code {name}} in a pattern matches one path segment. */
public final class Router {
    private record Entry(String method, Pattern pattern, Route route) {}

    /** A matched route with the path parameters it captured. */
    public record Match(Route route, List<String> params) {}

    private final List<Entry> entries = new ArrayList<>();

    public Router add(String method, String pattern, Route route) {
        String regex = pattern.replaceAll("\\{[a-z]+}", "([^/]+)");
        entries.add(new Entry(method, Pattern.compile(regex), route));
        return this;
    }

    public Match match(String method, String path) {
        boolean pathKnown = false;
        for (Entry entry : entries) {
            Matcher m = entry.pattern().matcher(path);
            if (!m.matches()) {
                continue;
            }
            pathKnown = true;
            if (entry.method().equals(method)) {
                List<String> params = new ArrayList<>();
                for (int i = 1; i <= m.groupCount(); i++) {
                    params.add(m.group(i));
                }
                return new Match(entry.route(), params);
            }
        }
        throw pathKnown ? new ApiError(405, method + " is not allowed on " + path)
                : new ApiError(404, "no such API path: " + path);
    }
}

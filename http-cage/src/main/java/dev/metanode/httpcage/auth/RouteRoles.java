package dev.metanode.httpcage.auth;

import java.util.List;

/**
 * Which role each daemon API route needs. First match wins; anything not listed needs admin, so a
 * new route is closed until someone decides otherwise.
 */
public final class RouteRoles {
    /** One row: method ("*" for any) and path prefix. */
    public record Rule(String method, String pathPrefix, Role role) {}

    public static final List<Rule> DEFAULT = List.of(
            new Rule("GET", "/api/v1/status", Role.VIEWER),
            new Rule("GET", "/api/v1/checkpoint", Role.VIEWER),
            new Rule("GET", "/api/v1/ca", Role.VIEWER),
            new Rule("GET", "/api/v1/apps", Role.VIEWER),
            new Rule("POST", "/api/v1/apps", Role.DEPLOYER),
            new Rule("DELETE", "/api/v1/apps/", Role.DEPLOYER),
            new Rule("POST", "/api/v1/jobs", Role.DEPLOYER),
            new Rule("GET", "/api/v1/receipts", Role.AUDITOR),
            new Rule("GET", "/api/v1/log/", Role.AUDITOR),
            new Rule("GET", "/api/v1/exchanges/", Role.AUDITOR),
            new Rule("*", "/api/v1/keys", Role.ADMIN),
            new Rule("POST", "/api/v1/stop", Role.ADMIN),
            new Rule("GET", "/ws", Role.VIEWER),
            new Rule("GET", "/metrics", Role.VIEWER),
            new Rule("GET", "/cage/metrics", Role.VIEWER));

    private final List<Rule> rules;

    public RouteRoles(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public Role required(String method, String path) {
        for (Rule rule : rules) {
            if ((rule.method().equals("*") || rule.method().equals(method)) && matches(path, rule.pathPrefix())) {
                return rule.role();
            }
        }
        return Role.ADMIN;
    }

    /** Prefix on a segment boundary: "/api/v1/apps" matches "/api/v1/apps/x" but not "/api/v1/appsx". */
    private static boolean matches(String path, String prefix) {
        if (!path.startsWith(prefix)) {
            return false;
        }
        return prefix.endsWith("/") || path.length() == prefix.length() || path.charAt(prefix.length()) == '/'
                || path.charAt(prefix.length()) == '?';
    }
}

package dev.metanode.httpcage.proxy;

import dev.metanode.core.http.AppDirectory;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Maps a Host header to a {@link Route}: {@code APP.localhost[:port]} goes to the app's loopback
 * port, bare {@code localhost} (or 127.0.0.1) to the daemon's API when one is configured.
 * App names are single DNS labels; anything else is unknown, never guessed.
 */
public final class HostRouter {
    /** A DNS label is at most 63 characters; app names follow the same rule. */
    public static final int APP_NAME_CHARS_MAX = 63;
    private static final String SUFFIX = ".localhost";

    private final AppDirectory apps;
    private final OptionalInt apiPort;

    public HostRouter(AppDirectory apps, OptionalInt apiPort) {
        this.apps = apps;
        this.apiPort = apiPort;
    }

    public Optional<Route> route(String hostHeader) {
        if (hostHeader == null) {
            return Optional.empty();
        }
        String host = stripPort(hostHeader.trim().toLowerCase(Locale.ROOT));
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]")) {
            return apiPort.isPresent() ? Optional.of(new Route(Route.API, apiPort.getAsInt(), true)) : Optional.empty();
        }
        if (!host.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        String app = host.substring(0, host.length() - SUFFIX.length());
        if (!isAppName(app)) {
            return Optional.empty();
        }
        return apps.portOf(app).map(port -> new Route(app, port, false));
    }

    /** The app name a host names, without asking the directory (for TLS certificates). */
    public static Optional<String> appOf(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (!h.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        String app = h.substring(0, h.length() - SUFFIX.length());
        return isAppName(app) ? Optional.of(app) : Optional.empty();
    }

    static boolean isAppName(String name) {
        if (name.isEmpty() || name.length() > APP_NAME_CHARS_MAX || name.startsWith("-") || name.endsWith("-")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static String stripPort(String host) {
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            return close < 0 ? host : host.substring(0, close + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }
}

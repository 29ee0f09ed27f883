package dev.metanode.httpcage;

import dev.metanode.httpcage.auth.AuthMode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live policy of every app, set by the daemon when it deploys or changes an app. Thread-safe;
 * read once per request. Apps without an entry get {@link AppPolicy#OPEN}.
 */
public final class AppPolicies {
    private final Map<String, AppPolicy> byApp = new ConcurrentHashMap<>();
    private volatile AuthMode apiMode = AuthMode.KEY_OR_JWT;

    public AppPolicy of(String app) {
        return byApp.getOrDefault(app, AppPolicy.OPEN);
    }

    public void set(String app, AppPolicy policy) {
        byApp.put(app, policy);
    }

    public void remove(String app) {
        byApp.remove(app);
    }

    /** How the daemon's API authenticates; roles come from {@link dev.metanode.httpcage.auth.RouteRoles}. */
    public AuthMode apiMode() {
        return apiMode;
    }

    public void apiMode(AuthMode mode) {
        this.apiMode = mode;
    }
}

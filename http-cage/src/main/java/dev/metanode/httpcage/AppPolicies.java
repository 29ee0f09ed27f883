package dev.metanode.httpcage;

import dev.metanode.httpcage.auth.AuthMode;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live policy of every app, set by the daemon when it deploys or changes an app. Thread-safe;
 * read once per request. An app's policy is the one {@link #set} for it, else the one the
 * directory given at construction knows (the daemon's deployed apps), else {@link AppPolicy#OPEN}.
 */
public final class AppPolicies {
    private final Map<String, AppPolicy> byApp = new ConcurrentHashMap<>();
    private final Function<String, Optional<AppPolicy>> directory;
    private volatile AuthMode apiMode = AuthMode.KEY_OR_JWT;

    public AppPolicies() {
        this(app -> Optional.empty());
    }

    /** @param directory the policy of each deployed app, looked up per request (must be fast and thread-safe) */
    public AppPolicies(Function<String, Optional<AppPolicy>> directory) {
        this.directory = directory;
    }

    public AppPolicy of(String app) {
        AppPolicy set = byApp.get(app);
        return set != null ? set : directory.apply(app).orElse(AppPolicy.OPEN);
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

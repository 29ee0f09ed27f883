package dev.metanode.httpcage.auth;

import dev.metanode.httpcage.AppPolicies;
import dev.metanode.httpcage.DecisionTrail;
import dev.metanode.httpcage.Gate;
import dev.metanode.httpcage.RequestFacts;
import dev.metanode.httpcage.proxy.Route;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks the bearer credential against the app's {@link AuthPolicy}, or for the daemon's API against
 * {@link RouteRoles}. 401 without a valid credential, 403 with a valid one of too small a role.
 */
public final class AuthGate implements Gate {
    private static final String BEARER = "bearer ";
    private final ApiKeys keys;
    private final JwtVerifier jwt;
    private final AppPolicies policies;
    private final RouteRoles routes;

    /** @param jwt null to accept no JWTs */
    public AuthGate(ApiKeys keys, JwtVerifier jwt, AppPolicies policies, RouteRoles routes) {
        this.keys = keys;
        this.jwt = jwt;
        this.policies = policies;
        this.routes = routes;
    }

    @Override
    public Optional<Refusal> check(RequestFacts request, DecisionTrail trail) {
        boolean api = request.app().equals(Route.API);
        if (api && !safePath(request.target())) {
            return Optional.of(Refusal.of(400, "path.unsafe"));
        }
        AuthMode mode = api ? policies.apiMode() : policies.of(request.app()).auth().mode();
        Role required = api ? routes.required(request.method(), request.path())
                : policies.of(request.app()).auth().requiredRole();
        if (mode == AuthMode.NONE) {
            // An open app may use the Authorization header for its own scheme: leave it alone.
            trail.record("auth", "none");
            return Optional.empty();
        }
        Optional<String> bearer = request.headers().first("authorization")
                .filter(v -> v.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .map(v -> v.substring(BEARER.length()).trim());
        if (bearer.isEmpty()) {
            return Optional.of(Refusal.of(401, "auth.missing"));
        }
        Optional<Principal> who = authenticate(bearer.get(), mode);
        if (who.isEmpty()) {
            return Optional.of(Refusal.of(401, "auth.invalid"));
        }
        trail.principal(who.get().id(), who.get().role().wireName());
        trail.record("auth", mode.name().toLowerCase(Locale.ROOT) + " " + who.get().role().wireName()
                + " needs " + required.wireName());
        if (!who.get().role().satisfies(required)) {
            return Optional.of(Refusal.of(403, "auth.role"));
        }
        return Optional.empty();
    }

    private Optional<Principal> authenticate(String token, AuthMode mode) {
        boolean isKey = token.startsWith(ApiKeys.TOKEN_PREFIX);
        if (isKey && (mode == AuthMode.KEY || mode == AuthMode.KEY_OR_JWT)) {
            return keys.authenticate(token).map(k -> new Principal("key:" + k.id(), k.role()));
        }
        if (!isKey && jwt != null && (mode == AuthMode.JWT || mode == AuthMode.KEY_OR_JWT)) {
            return jwt.verify(token);
        }
        return Optional.empty();
    }

    /**
     * API routes are matched by prefix, so a path the daemon might normalise differently ("..",
     * encoded slashes or dots, empty segments) could reach a route the table did not check.
     */
    static boolean safePath(String target) {
        String lower = target.toLowerCase(Locale.ROOT);
        return target.startsWith("/") && !target.contains("/..") && !target.contains("/./") && !target.contains("//")
                && !lower.contains("%2e") && !lower.contains("%2f") && !lower.contains("%5c") && !target.contains("\\");
    }
}

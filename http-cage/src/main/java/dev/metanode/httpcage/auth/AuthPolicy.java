package dev.metanode.httpcage.auth;

import java.util.Objects;

/**
 * An app's auth rule: which credentials and which role. The API uses {@link RouteRoles} instead of
 * one fixed role.
 */
public record AuthPolicy(AuthMode mode, Role requiredRole) {
    public static final AuthPolicy OPEN = new AuthPolicy(AuthMode.NONE, Role.VIEWER);

    public AuthPolicy {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(requiredRole, "requiredRole");
    }
}

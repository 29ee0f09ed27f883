package dev.metanode.httpcage.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.kernel.Clock;
import dev.metanode.core.kernel.RandomSource;
import dev.metanode.core.store.MemoryKvStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeysTest {
    private final MemoryKvStore store = new MemoryKvStore();
    private final ApiKeys keys = new ApiKeys(store, RandomSource.secure(), Clock.SYSTEM);

    @Test
    void createdKeyAuthenticatesWithItsRoleAndIsStoredOnlyHashed() {
        CreatedApiKey created = keys.create(Role.DEPLOYER, "ci");
        assertTrue(created.token().startsWith("mnk_" + created.info().id() + "_"));
        assertEquals(Role.DEPLOYER, keys.authenticate(created.token()).orElseThrow().role());
        List<String> stored = new ArrayList<>();
        store.scan(ApiKeys.COLUMN, null, (k, v) -> stored.add(v));
        assertEquals(1, stored.size());
        // The secret may itself contain '_' (base64url): cut the known prefix, not at the last '_',
        // or a two-character tail can turn up in the stored hash by chance.
        String secret = created.token().substring(("mnk_" + created.info().id() + "_").length());
        assertFalse(stored.get(0).contains(secret), "the secret never reaches the store");
        assertFalse(created.toString().contains(secret), "toString redacts the token");
    }

    @Test
    void wrongSecretUnknownIdAndGarbageFail() {
        CreatedApiKey created = keys.create(Role.ADMIN, "");
        String token = created.token();
        String tampered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        assertTrue(keys.authenticate(tampered).isEmpty());
        assertTrue(keys.authenticate("mnk_000000000000_" + "x".repeat(43)).isEmpty());
        assertTrue(keys.authenticate("mnk_").isEmpty());
        assertTrue(keys.authenticate("x".repeat(10_000)).isEmpty());
        assertTrue(keys.authenticate(null).isEmpty());
    }

    @Test
    void revokedKeysStopWorkingButStayListed() {
        CreatedApiKey a = keys.create(Role.VIEWER, "a");
        CreatedApiKey b = keys.create(Role.AUDITOR, "b");
        assertTrue(keys.revoke(a.info().id()));
        assertFalse(keys.revoke("nope"));
        assertTrue(keys.authenticate(a.token()).isEmpty());
        assertTrue(keys.authenticate(b.token()).isPresent());
        assertEquals(2, keys.list().size());
        assertTrue(keys.list().stream().anyMatch(k -> k.id().equals(a.info().id()) && k.revoked()));
    }

    @Test
    void rolesAreNotALadder() {
        assertTrue(Role.ADMIN.satisfies(Role.AUDITOR));
        assertTrue(Role.DEPLOYER.satisfies(Role.VIEWER));
        assertFalse(Role.DEPLOYER.satisfies(Role.AUDITOR));
        assertFalse(Role.AUDITOR.satisfies(Role.DEPLOYER));
        assertFalse(Role.VIEWER.satisfies(Role.AUDITOR));
    }

    @Test
    void routeTableClosesUnknownRoutes() {
        RouteRoles routes = new RouteRoles(RouteRoles.DEFAULT);
        assertEquals(Role.DEPLOYER, routes.required("POST", "/api/v1/apps"));
        assertEquals(Role.VIEWER, routes.required("GET", "/api/v1/apps/hello/logs"));
        assertEquals(Role.AUDITOR, routes.required("GET", "/api/v1/receipts/rx_1/bundle"));
        assertEquals(Role.ADMIN, routes.required("GET", "/api/v1/appsx"));
        assertEquals(Role.ADMIN, routes.required("PUT", "/api/v1/something-new"));
        assertFalse(AuthGate.safePath("/api/v1/status/../keys"));
        assertFalse(AuthGate.safePath("/api/v1/status/%2e%2e/keys"));
        assertTrue(AuthGate.safePath("/api/v1/status?x=1"));
    }
}

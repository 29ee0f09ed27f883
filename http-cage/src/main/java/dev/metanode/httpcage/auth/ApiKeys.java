package dev.metanode.httpcage.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metanode.core.codec.Json;
import dev.metanode.core.crypto.Sha256;
import dev.metanode.core.kernel.Clock;
import dev.metanode.core.kernel.RandomSource;
import dev.metanode.core.store.Codecs;
import dev.metanode.core.store.ColumnSpec;
import dev.metanode.core.store.KvStore;
import dev.metanode.core.store.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * API keys persisted in the node's {@link KvStore}. A token is {@code mnk_<id>_<secret>} with a
 * 32-byte random secret; only SHA-256 of the whole token is stored, so a stolen store does not
 * yield working tokens. The backing for {@code metanode keys create|list|revoke}.
 */
public final class ApiKeys {
    public static final ColumnSpec<String, String> COLUMN = new ColumnSpec<>("http.api-keys", Codecs.UTF8, Codecs.UTF8);
    public static final String TOKEN_PREFIX = "mnk_";
    public static final int SECRET_BYTES = 32;
    public static final int ID_BYTES = 6;
    /** Longest token accepted: prefix, 12 hex id, separator, 43 base64url characters, with slack. */
    public static final int TOKEN_CHARS_MAX = 128;
    public static final int LABEL_CHARS_MAX = 200;

    private final KvStore store;
    private final RandomSource random;
    private final Clock clock;

    public ApiKeys(KvStore store, RandomSource random, Clock clock) {
        this.store = store;
        this.random = random;
        this.clock = clock;
    }

    /** Creates a key with {@code role}; the returned token is not stored anywhere. */
    public CreatedApiKey create(Role role, String label) {
        if (label.length() > LABEL_CHARS_MAX) {
            throw new IllegalArgumentException("label longer than " + LABEL_CHARS_MAX + " characters");
        }
        byte[] idBytes = new byte[ID_BYTES];
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(idBytes);
        random.nextBytes(secret);
        String id = HexFormat.of().formatHex(idBytes);
        String token = TOKEN_PREFIX + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiKeyInfo info = new ApiKeyInfo(id, role, label, clock.millis(), false);
        put(info, hash(token));
        return new CreatedApiKey(info, token);
    }

    public List<ApiKeyInfo> list() {
        List<ApiKeyInfo> keys = new ArrayList<>();
        store.scan(COLUMN, null, (id, json) -> keys.add(info(Json.parse(json))));
        return keys;
    }

    /** Revokes the key; false if there is no such key. Revocation takes effect on the next request. */
    public boolean revoke(String id) {
        Optional<JsonNode> stored = store.get(COLUMN, id).map(Json::parse);
        if (stored.isEmpty()) {
            return false;
        }
        ApiKeyInfo info = info(stored.get());
        put(new ApiKeyInfo(info.id(), info.role(), info.label(), info.createdMillis(), true),
                stored.get().path("sha256").asText());
        return true;
    }

    /** The key a token belongs to, if the token is genuine and not revoked. Constant time in the secret. */
    public Optional<ApiKeyInfo> authenticate(String token) {
        if (token == null || token.length() > TOKEN_CHARS_MAX || !token.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        int sep = token.indexOf('_', TOKEN_PREFIX.length());
        if (sep < 0) {
            return Optional.empty();
        }
        Optional<JsonNode> stored = store.get(COLUMN, token.substring(TOKEN_PREFIX.length(), sep)).map(Json::parse);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        byte[] expected = HexFormat.of().parseHex(stored.get().path("sha256").asText());
        if (!MessageDigest.isEqual(expected, HexFormat.of().parseHex(hash(token)))) {
            return Optional.empty();
        }
        ApiKeyInfo info = info(stored.get());
        return info.revoked() ? Optional.empty() : Optional.of(info);
    }

    private void put(ApiKeyInfo info, String sha256) {
        ObjectNode json = Json.object();
        json.put("id", info.id()).put("role", info.role().wireName()).put("label", info.label())
                .put("created", info.createdMillis()).put("revoked", info.revoked()).put("sha256", sha256);
        store.write(new WriteBatch().put(COLUMN, info.id(), Json.write(json)), true);
    }

    private static ApiKeyInfo info(JsonNode json) {
        return new ApiKeyInfo(json.path("id").asText(), Role.fromWire(json.path("role").asText()),
                json.path("label").asText(), json.path("created").asLong(), json.path("revoked").asBoolean());
    }

    private static String hash(String token) {
        return HexFormat.of().formatHex(Sha256.digest(token.getBytes(StandardCharsets.US_ASCII)));
    }
}

package dev.metanode.cli.daemon;

import dev.metanode.core.codec.Json;
import dev.metanode.core.crypto.Sha256;
import dev.metanode.core.kernel.ReceiptLog;
import dev.metanode.core.receipt.ReceiptDraft;
import dev.metanode.core.receipt.ReceiptKind;
import dev.metanode.httpcage.auth.ApiKeyInfo;
import dev.metanode.httpcage.auth.ApiKeys;
import dev.metanode.httpcage.auth.CreatedApiKey;
import dev.metanode.httpcage.auth.Role;
import dev.metanode.httpcage.tls.LocalCa;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * /api/v1/keys (the front door's API keys: create, list, revoke) and /api/v1/ca (the local CA
 * certificate clients trust). Every key operation leaves a receipt; the token is in the create
 * answer only, never in a receipt or a log line.
 */
final class KeyRoutes {
    /** Key names are labels for people: short, printable, no control characters. */
    static final int NAME_CHARS_MAX = 64;

    private final ApiKeys keys;
    private final Path tlsDir;
    private final ReceiptLog log;

    KeyRoutes(ApiKeys keys, Path tlsDir, ReceiptLog log) {
        this.keys = keys;
        this.tlsDir = tlsDir;
        this.log = log;
    }

    void register(Router router) {
        router.add("POST", "/api/v1/keys", this::create);
        router.add("GET", "/api/v1/keys", r -> ApiResponse.json(Map.of("keys", keys.list().stream().map(KeyRoutes::describe).toList())));
        router.add("DELETE", "/api/v1/keys/{id}", this::revoke);
        router.add("GET", "/api/v1/ca", r -> ApiResponse.json(ca()));
    }

    private ApiResponse create(ApiRequest request) {
        var body = Json.parse(request.body());
        Role role = Role.fromWire(body.path("role").asText(""));
        String name = body.path("name").asText("");
        if (name.length() > NAME_CHARS_MAX || !name.chars().allMatch(c -> c >= 0x20 && c != 0x7f)) {
            throw new ApiError(400, "a key name is at most " + NAME_CHARS_MAX + " printable characters");
        }
        CreatedApiKey created = keys.create(role, name);
        String receipt = log.appendAndWait(ReceiptDraft.builder(ReceiptKind.ACTION, "api:" + request.remote(), "http.key.create")
                .input("id", created.info().id()).input("role", role.wireName()).input("name", name).build()).id();
        Map<String, Object> out = describe(created.info());
        out.put("token", created.token());
        out.put("receipt", receipt);
        return ApiResponse.json(201, out);
    }

    private ApiResponse revoke(ApiRequest request) {
        String id = request.params().get(0);
        boolean wasRevoked = keys.list().stream().anyMatch(k -> k.id().equals(id) && k.revoked());
        if (!id.matches("[0-9a-f]{1,32}") || !keys.revoke(id)) {
            throw new ApiError(404, "no API key '" + id + "' (metanode keys list shows them)");
        }
        String receipt = log.appendAndWait(ReceiptDraft.builder(ReceiptKind.ACTION, "api:" + request.remote(), "http.key.revoke")
                .input("id", id).result("alreadyRevoked", wasRevoked).build()).id();
        return ApiResponse.json(Map.of("revoked", id, "receipt", receipt));
    }

    private static Map<String, Object> describe(ApiKeyInfo key) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", key.id());
        out.put("role", key.role().wireName());
        out.put("name", key.label());
        out.put("created", Instant.ofEpochMilli(key.createdMillis()).toString());
        out.put("revoked", key.revoked());
        return out;
    }

    /** The CA exists from the first start on, whether or not the listener speaks TLS yet. */
    private Map<String, Object> ca() throws IOException, GeneralSecurityException {
        LocalCa ca = LocalCa.loadOrCreate(tlsDir);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("subject", ca.certificate().getSubjectX500Principal().getName());
        out.put("notAfter", ca.certificate().getNotAfter().toInstant().toString());
        out.put("sha256", sha256(ca));
        out.put("pem", ca.certificatePem());
        return out;
    }

    private static String sha256(LocalCa ca) throws CertificateEncodingException {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(Sha256.digest(ca.certificate().getEncoded()));
    }
}

package dev.metanode.httpcage.sig;

import dev.metanode.core.crypto.PublicKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Client Ed25519 keys the cage trusts for request signatures, by RFC 9421 keyid. Thread-safe. */
public final class SignatureKeys {
    private final Map<String, PublicKey> byId = new ConcurrentHashMap<>();

    public void trust(String keyId, PublicKey key) {
        byId.put(keyId, key);
    }

    public void forget(String keyId) {
        byId.remove(keyId);
    }

    public Optional<PublicKey> find(String keyId) {
        return Optional.ofNullable(byId.get(keyId));
    }
}

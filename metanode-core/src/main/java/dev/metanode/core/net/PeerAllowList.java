package dev.metanode.core.net;

import dev.metanode.core.crypto.PublicKey;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Ed25519 keys that may complete a handshake with us: the validator set or the cluster
 * members. It can be replaced when the set changes; connections already open are not re-checked
 * here: {@link PeerNetwork#replaceAllowList} closes them.
 */
public final class PeerAllowList {
    /** Each key maps to itself, so that handshakes use (and cache in) the one instance. */
    private volatile Map<PublicKey, PublicKey> allowed;

    public PeerAllowList(Set<PublicKey> allowed) {
        replace(allowed);
    }

    public void replace(Set<PublicKey> newAllowed) {
        if (newAllowed == null) {
            throw new IllegalArgumentException("the allow-list may be empty but not null");
        }
        this.allowed = Map.copyOf(newAllowed.stream().collect(Collectors.toMap(Function.identity(),
                Function.identity(), (a, b) -> a)));
    }

    public boolean contains(PublicKey key) {
        return allowed.containsKey(key);
    }

    /** The allow-list's instance of an equal key, or null. */
    PublicKey find(PublicKey key) {
        return allowed.get(key);
    }

    public Set<PublicKey> keys() {
        return allowed.keySet();
    }
}

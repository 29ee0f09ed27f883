package dev.metanode.core.net;

import dev.metanode.core.crypto.PublicKey;
import java.util.Set;

/**
 * The Ed25519 keys that may complete a handshake with us: the validator set or the cluster
 * members. It can be replaced when the set changes; connections already open are not re-checked
 * here: {@link PeerNetwork#replaceAllowList} closes them.
 */
public final class PeerAllowList {
    private volatile Set<PublicKey> allowed;

    public PeerAllowList(Set<PublicKey> allowed) {
        replace(allowed);
    }

    public void replace(Set<PublicKey> newAllowed) {
        if (newAllowed == null) {
            throw new IllegalArgumentException("the allow-list may be empty but not null");
        }
        this.allowed = Set.copyOf(newAllowed);
    }

    public boolean contains(PublicKey key) {
        return allowed.contains(key);
    }

    public Set<PublicKey> keys() {
        return allowed;
    }
}

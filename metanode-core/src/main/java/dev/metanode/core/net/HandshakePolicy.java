package dev.metanode.core.net;

import dev.metanode.core.crypto.PublicKey;

/**
 * Who a handshake may end with: a key on the allow-list, not our own key, and, when we dialled a
 * known peer, exactly the key we expected.
 */
record HandshakePolicy(PublicKey localKey, PeerAllowList allowList, PublicKey expectedKey) {

    void check(PublicKey remote) {
        if (remote.equals(localKey)) {
            throw new TransportException(Misbehaviour.HANDSHAKE_FAILED,
                    "peer presented our own key (connected to ourselves?)");
        }
        if (expectedKey != null && !expectedKey.equals(remote)) {
            throw new TransportException(Misbehaviour.NOT_ALLOWED,
                    "wrong identity: expected " + expectedKey.fingerprint() + ", peer proved " + remote.fingerprint());
        }
        if (!allowList.contains(remote)) {
            throw new TransportException(Misbehaviour.NOT_ALLOWED,
                    "peer " + remote.fingerprint() + " is not on the allow-list");
        }
    }
}

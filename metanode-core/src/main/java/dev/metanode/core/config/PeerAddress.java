package dev.metanode.core.config;

import dev.metanode.core.crypto.PublicKey;

/** A configured peer: its node key (what the handshake must prove) and where to dial it. */
public record PeerAddress(PublicKey key, String host, int port) {
    public PeerAddress {
        if (host == null || host.isBlank() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("a peer needs a host and a port from 1 to 65535");
        }
    }
}

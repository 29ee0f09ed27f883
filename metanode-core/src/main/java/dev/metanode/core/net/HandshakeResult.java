package dev.metanode.core.net;

import dev.metanode.core.crypto.PublicKey;

/**
 * What a finished handshake gives: the peer's proven Ed25519 key, the transport keys, and the final
 * handshake hash (a channel binding: both sides hold the same value).
 */
public record HandshakeResult(PublicKey remoteKey, TransportCipher cipher, byte[] handshakeHash) {}

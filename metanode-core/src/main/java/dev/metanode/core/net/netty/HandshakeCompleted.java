package dev.metanode.core.net.netty;

import dev.metanode.core.crypto.PublicKey;

/** Fired down the pipeline when a peer has proven an allowed key; the transport handler is in place. */
public record HandshakeCompleted(PublicKey remoteKey, boolean initiator, byte[] handshakeHash) {}

/**
 * The BPCI transport: a hybrid Noise XX handshake (X25519 + ML-KEM-768) bound to Ed25519 node keys,
 * AEAD frames with per-direction counters and rekeying, typed messages, gossip, peer scores. Pure
 * logic, no Netty types; the adapters are in {@link dev.metanode.core.net.netty}. See
 * docs/TRANSPORT.md for the transcript, the frame format and the threat model.
 */
package dev.metanode.core.net;

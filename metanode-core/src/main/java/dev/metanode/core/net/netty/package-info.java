/**
 * Netty adapters of the BPCI transport: framing, handshake, encryption and the peer network facade.
 * The protocol itself lives in {@link dev.metanode.core.net}, free of Netty types; these classes
 * only move its bytes.
 */
package dev.metanode.core.net.netty;

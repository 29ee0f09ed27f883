package dev.metanode.core.net;

import dev.metanode.core.crypto.PublicKey;
import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * One connected peer, for {@code metanode peers} and metrics. Bytes count whole frames on the wire
 * (length prefix and tag included); messages count envelopes.
 *
 * @param remoteAddress the peer's socket address (null only for non-socket channels in tests)
 * @param outbound true if we dialled the peer
 * @param messagesDropped sends refused because the peer's outbound queue was full
 * @param messagesUnknown received messages of a type or version this node does not know (dropped)
 */
public record PeerStats(
        PublicKey key,
        InetSocketAddress remoteAddress,
        boolean outbound,
        Instant connectedSince,
        long bytesIn,
        long bytesOut,
        long messagesIn,
        long messagesOut,
        long messagesDropped,
        long messagesUnknown) {}

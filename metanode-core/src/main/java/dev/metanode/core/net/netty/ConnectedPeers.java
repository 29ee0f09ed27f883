package dev.metanode.core.net.netty;

import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.net.Envelope;
import dev.metanode.core.net.GossipRouter;
import dev.metanode.core.net.PeerStats;
import io.netty.channel.Channel;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most one connection per peer key. When two nodes dial each other at once, both keep the
 * connection dialled by the smaller key, so they agree without talking about it.
 */
final class ConnectedPeers implements GossipRouter.Links {
    private final PublicKey localKey;
    private final Map<PublicKey, PeerConnection> peers = new ConcurrentHashMap<>();

    ConnectedPeers(PublicKey localKey) {
        this.localKey = localKey;
    }

    /** Adds the connection, or returns the one of the pair that lost and must be closed (may be {@code added}). */
    synchronized PeerConnection add(PeerConnection added) {
        PeerConnection existing = peers.get(added.key());
        if (existing == null || !existing.channel().isActive()) {
            peers.put(added.key(), added);
            return null;
        }
        if (dialler(added).equals(dialler(existing)) || compare(dialler(existing), dialler(added)) <= 0) {
            return added;
        }
        peers.put(added.key(), added);
        return existing;
    }

    /** Removes the connection if it is still the registered one; true if it was. */
    synchronized boolean remove(PeerConnection connection) {
        return peers.remove(connection.key(), connection);
    }

    synchronized PeerConnection byChannel(PublicKey key, Channel channel) {
        PeerConnection connection = peers.get(key);
        return connection != null && connection.channel() == channel ? connection : null;
    }

    PeerConnection get(PublicKey key) {
        return peers.get(key);
    }

    Collection<PublicKey> keys() {
        return peers.keySet();
    }

    @Override
    public Collection<PublicKey> peers() {
        return peers.keySet();
    }

    @Override
    public boolean send(PublicKey peer, Envelope envelope) {
        PeerConnection connection = peers.get(peer);
        return connection != null && connection.send(envelope);
    }

    List<PeerStats> stats() {
        return peers.values().stream().map(PeerConnection::stats)
                .sorted(Comparator.comparing(s -> s.key().base64())).toList();
    }

    private PublicKey dialler(PeerConnection connection) {
        return connection.outbound() ? localKey : connection.key();
    }

    private static int compare(PublicKey a, PublicKey b) {
        return Arrays.compareUnsigned(a.bytes(), b.bytes());
    }
}

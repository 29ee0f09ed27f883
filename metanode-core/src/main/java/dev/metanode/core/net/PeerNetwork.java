package dev.metanode.core.net;

import dev.metanode.core.crypto.PublicKey;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;

/**
 * The BPCI transport as modules see it: authenticated, encrypted connections to allow-listed peers,
 * direct messages, and gossip. Implemented over Netty by
 * {@link dev.metanode.core.net.netty.NettyPeerNetwork}.
 */
public interface PeerNetwork extends AutoCloseable {

    /** Binds the listener; returns the bound address (useful with port 0). */
    InetSocketAddress start(InetSocketAddress listenAddress) throws InterruptedException;

    /** Dials a peer and keeps the connection up (reconnecting with backoff) until {@link #close()}. */
    void connect(InetSocketAddress address, PublicKey expectedKey);

    /** Gossips a message to every peer; returns how many peers it was queued to. */
    int broadcast(Message message);

    /** Queues a message to one peer; false if not connected or its outbound queue is full. */
    boolean send(PublicKey peer, Message message);

    /**
     * False while the peer's socket buffer is above its high-water mark (or the peer is not
     * connected): a bulk sender should pause until it turns true, instead of filling the queue.
     */
    boolean writable(PublicKey peer);

    /** Delivers every message of this type (direct or gossip) to the handler. */
    void subscribe(MessageType type, MessageHandler handler);

    /**
     * Replaces the allow-list (the validator set or cluster changed) and closes connections to
     * peers no longer on it.
     */
    void replaceAllowList(Set<PublicKey> keys);

    Set<PublicKey> connectedPeers();

    /** A snapshot per connected peer, sorted by key. */
    List<PeerStats> stats();

    GossipStats gossipStats();

    @Override
    void close();
}

package dev.metanode.core.net;

import dev.metanode.core.crypto.PublicKey;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Flood gossip with deduplication: a message new to us is delivered locally and relayed to every
 * other connected peer until it has crossed {@code gossipHopsMax} links. Ids already seen are
 * dropped, so each node delivers each message once even when it arrives over several paths.
 * Pure logic: the network adapter supplies the links and the local delivery.
 */
public final class GossipRouter {
    /** The connected peers and a way to queue an envelope to one of them (false when its queue is full). */
    public interface Links {
        Collection<PublicKey> peers();

        boolean send(PublicKey peer, Envelope envelope);
    }

    private final MessageRegistry registry;
    private final DedupCache seen;
    private final int hopsMax;
    private final Links links;
    private final MessageHandler delivery;
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong relayed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    public GossipRouter(MessageRegistry registry, DedupCache seen, int hopsMax, Links links, MessageHandler delivery) {
        if (hopsMax <= 0 || hopsMax > 255) {
            throw new IllegalArgumentException("hopsMax must be 1..255, got " + hopsMax);
        }
        this.registry = registry;
        this.seen = seen;
        this.hopsMax = hopsMax;
        this.links = links;
        this.delivery = delivery;
    }

    /** Sends a message of ours to every peer; returns how many peers it was queued to. */
    public int broadcast(Message message) {
        seen.firstSeen(MessageId.of(message));
        return forward(null, Envelope.gossip(message, 1));
    }

    /**
     * Handles a gossip envelope from a peer: false if it was a duplicate or of a type we do not know
     * (neither delivered nor relayed), true if it was new and delivered.
     */
    public boolean onGossip(PublicKey from, Envelope envelope) {
        Message message = envelope.message();
        if (!registry.accepts(message)) {
            return false;
        }
        if (!seen.firstSeen(MessageId.of(message))) {
            duplicates.incrementAndGet();
            return false;
        }
        delivery.onMessage(from, message);
        if (envelope.hops() < hopsMax) {
            relayed.addAndGet(forward(from, Envelope.gossip(message, envelope.hops() + 1)));
        }
        return true;
    }

    private int forward(PublicKey except, Envelope envelope) {
        int queued = 0;
        for (PublicKey peer : links.peers()) {
            if (peer.equals(except)) {
                continue;
            }
            if (links.send(peer, envelope)) {
                queued++;
            } else {
                dropped.incrementAndGet();
            }
        }
        return queued;
    }

    public GossipStats stats() {
        return new GossipStats(duplicates.get(), relayed.get(), dropped.get());
    }

    public long duplicates() {
        return duplicates.get();
    }

    public long relayed() {
        return relayed.get();
    }

    /** Relays refused because a peer's outbound queue was full. */
    public long dropped() {
        return dropped.get();
    }
}

package dev.metanode.consensus;

import dev.metanode.consensus.chain.HeaderVerifier;
import dev.metanode.consensus.chain.InvalidBlockException;
import dev.metanode.consensus.chain.SealedBlock;
import dev.metanode.consensus.payload.BlockRequest;
import dev.metanode.consensus.payload.FinalBlock;
import dev.metanode.consensus.payload.MessageCodec;
import dev.metanode.consensus.state.ExecutionResult;
import dev.metanode.core.crypto.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Block catch-up for a validator that fell behind (lost messages, a partition, a restart): it asks
 * peers for the final block of its height, and accepts one only with a quorum of valid seals and
 * after full validation. Peers that are behind are offered the block they lack.
 */
final class NodeCatchUp {
    /** Between two requests for the same height. */
    static final long REQUEST_INTERVAL_MS = 200;
    /**
     * How long a peer one height behind gets to finish that height by itself before it is offered
     * the block. Such a peer is nearly always just slower: its prepare or commit arrives after the
     * quorum here was complete, and it completes the height from the same messages moments later.
     * Offering at once sent every lagging peer a whole block it did not need (up to three copies of
     * every block under load, each decoded and checked). A peer that lost a commit still gets the
     * block after this grace instead of after its round timer.
     */
    static final long OFFER_GRACE_MS = 250;
    /** Peers remembered as already offered a block. */
    private static final int OFFERS_REMEMBERED_MAX = 256;

    private final ValidatorNode node;
    private long lastRequestMillis = Long.MIN_VALUE / 2;
    private long lastRequestHeight = -1;
    private final Map<PublicKey, Long> offered = new LinkedHashMap<>();
    /** Offers waiting out their grace, by peer. */
    private final Map<PublicKey, PendingOffer> pending = new LinkedHashMap<>();
    /** The peer whose final block was just accepted: it may have the next one too. */
    private PublicKey syncingFrom;

    NodeCatchUp(ValidatorNode node) {
        this.node = node;
    }

    /** This node is behind (or lacks a committed block): ask {@code peer}, or everyone if null. */
    void behind(PublicKey peer) {
        long h = node.current().height();
        long now = node.clock().millis();
        if (h == lastRequestHeight && now - lastRequestMillis < REQUEST_INTERVAL_MS) {
            return;
        }
        lastRequestHeight = h;
        lastRequestMillis = now;
        byte[] request = MessageCodec.encode(new BlockRequest(h));
        if (peer == null) {
            node.sink().broadcast(request);
        } else {
            node.sink().send(peer, request);
        }
    }

    void onRequest(PublicKey peer, long height) {
        if (peer != null && height >= 1 && height <= node.chain().height()) {
            node.chain().block(height).ifPresent(b -> node.sink().send(peer, MessageCodec.encode(new FinalBlock(b))));
        }
    }

    private record PendingOffer(long height, long dueMillis) {}

    /**
     * {@code peer} sent a message for a height that is final here: offer it that block, once; at
     * once if it is two or more heights behind or says it is stuck (a round change), after
     * {@link #OFFER_GRACE_MS} if it is only one height behind.
     */
    void offer(PublicKey peer, long height, boolean stuck) {
        if (peer == null || offered.getOrDefault(peer, -1L) >= height) {
            return;
        }
        if (stuck || height < node.chain().height()) {
            pending.remove(peer);
            send(peer, height);
            return;
        }
        PendingOffer waiting = pending.get(peer);
        if (waiting == null || waiting.height() < height) {
            if (waiting == null && pending.size() >= OFFERS_REMEMBERED_MAX) {
                pending.remove(pending.keySet().iterator().next());
            }
            pending.put(peer, new PendingOffer(height, node.clock().millis() + OFFER_GRACE_MS));
        }
    }

    /** {@code peer} sent a message for {@code height}: it has every block below, so no offer of one is due. */
    void heard(PublicKey peer, long height) {
        PendingOffer waiting = peer == null ? null : pending.get(peer);
        if (waiting != null && waiting.height() < height) {
            pending.remove(peer);
        }
    }

    /** Sends the offers whose grace is over. */
    void onTimer(long nowMillis) {
        var it = pending.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<PublicKey, PendingOffer> e = it.next();
            if (e.getValue().dueMillis() <= nowMillis) {
                it.remove();
                send(e.getKey(), e.getValue().height());
            }
        }
    }

    /** When the next waiting offer is due; {@link Long#MAX_VALUE} if none is. */
    long deadline() {
        long due = Long.MAX_VALUE;
        for (PendingOffer p : pending.values()) {
            due = Math.min(due, p.dueMillis());
        }
        return due;
    }

    private void send(PublicKey peer, long height) {
        if (offered.getOrDefault(peer, -1L) >= height) {
            return;
        }
        if (offered.size() >= OFFERS_REMEMBERED_MAX) {
            offered.remove(offered.keySet().iterator().next());
        }
        offered.put(peer, height);
        onRequest(peer, height);
    }

    /** After a commit: if the block came from a peer, ask it for the next one at once (block sync). */
    void committed() {
        PublicKey peer = syncingFrom;
        syncingFrom = null;
        if (peer != null) {
            behind(peer);
        }
    }

    void onFinalBlock(PublicKey peer, SealedBlock sealed) {
        if (sealed.header().height() != node.current().height() || node.current().decided()) {
            return;
        }
        try {
            HeaderVerifier.verify(new dev.metanode.consensus.chain.SealedHeader(sealed.header(), sealed.seals()),
                    node.context().validators(), node.settings().verifier());
            // A final block is final whatever this node's clock says, so the drift check is off here.
            ExecutionResult execution = node.validator().validate(sealed.block(), node.context(), Long.MAX_VALUE / 2);
            node.finalised(sealed, execution);
            syncingFrom = peer;
        } catch (InvalidBlockException | IllegalArgumentException e) {
            // Not a final block of this chain: ignore it; another peer will answer.
        }
    }
}

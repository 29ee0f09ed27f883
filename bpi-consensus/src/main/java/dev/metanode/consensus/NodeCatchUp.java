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
    /** Peers remembered as already offered a block. */
    private static final int OFFERS_REMEMBERED_MAX = 256;

    private final ValidatorNode node;
    private long lastRequestMillis = Long.MIN_VALUE / 2;
    private long lastRequestHeight = -1;
    private final Map<PublicKey, Long> offered = new LinkedHashMap<>();
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

    /** {@code peer} sent a message for a height that is final here: offer it that block, once. */
    void offer(PublicKey peer, long height) {
        if (peer == null || offered.getOrDefault(peer, -1L) >= height) {
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

package dev.metanode.cli.daemon;

import dev.metanode.consensus.MessageSink;
import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.net.MessageType;
import dev.metanode.core.net.PeerNetwork;

/**
 * Consensus messages over the encrypted peer transport, as one message type. A broadcast goes
 * straight to every connected peer rather than through gossip relays: the validators of a chain
 * dial each other (a full mesh, as {@code metanode testnet init} configures them), so relaying would
 * only multiply traffic. A message that cannot be queued is lost; consensus copes with loss (round
 * change, block sync).
 */
final class ConsensusLink implements MessageSink {
    /** The transport type id of consensus messages; the payload is {@code MessageCodec}'s encoding. */
    static final MessageType TYPE = new MessageType(0x0100, "bpi-consensus", 1, 1);

    private final PeerRoutes peers;

    ConsensusLink(PeerRoutes peers) {
        this.peers = peers;
    }

    @Override
    public void broadcast(byte[] message) {
        PeerNetwork network = peers.network();
        if (network != null) {
            for (PublicKey peer : network.connectedPeers()) {
                network.send(peer, TYPE.message(message));
            }
        }
    }

    @Override
    public void send(PublicKey peer, byte[] message) {
        PeerNetwork network = peers.network();
        if (network != null) {
            network.send(peer, TYPE.message(message));
        }
    }
}

package dev.metanode.core.net.netty;

import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.net.Envelope;
import dev.metanode.core.net.OutboundBudget;
import dev.metanode.core.net.TrafficCounters;
import dev.metanode.core.net.TransportException;
import io.netty.channel.Channel;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The network's side of {@link PeerEvents}: registers peers, routes envelopes, scores violations. */
final class PeerEventsHandler implements PeerEvents {
    private static final Logger LOG = LoggerFactory.getLogger(PeerEventsHandler.class);

    private final NettyPeerNetwork network;

    PeerEventsHandler(NettyPeerNetwork network) {
        this.network = network;
    }

    @Override
    public void onConnected(Channel channel, HandshakeCompleted handshake, TrafficCounters counters) {
        PublicKey key = handshake.remoteKey();
        if (!network.guard().admits(key)) {
            LOG.info("refusing banned peer {}", key.fingerprint());
            channel.close();
            return;
        }
        var limits = network.config().limits();
        PeerConnection connection = new PeerConnection(channel, key, handshake.initiator(),
                Instant.ofEpochMilli(network.clock().millis()), counters,
                new OutboundBudget(limits.outboundQueueFramesMax(), limits.outboundQueueBytesMax()));
        PeerConnection loser = network.peers().add(connection);
        if (loser != null) {
            loser.channel().close();
        }
        if (loser != connection) {
            LOG.info("connected to peer {} at {}", key.fingerprint(), channel.remoteAddress());
            Dialer dialer = network.dialer(key);
            if (dialer != null && handshake.initiator()) {
                dialer.onConnected();
            }
        }
    }

    @Override
    public void onEnvelope(PublicKey from, Envelope envelope) {
        if (!network.subscriptions().registry().accepts(envelope.message())) {
            // Most likely a newer node during a rolling upgrade: drop and count it, never punish it.
            PeerConnection connection = network.peers().get(from);
            if (connection != null) {
                connection.unknownReceived();
            }
        } else if (envelope.kind() == Envelope.Kind.GOSSIP) {
            network.gossip().onGossip(from, envelope);
        } else {
            network.subscriptions().dispatch(from, envelope.message());
        }
    }

    @Override
    public void onDisconnected(Channel channel, PublicKey key) {
        PeerConnection connection = network.peers().byChannel(key, channel);
        if (connection != null && network.peers().remove(connection)) {
            LOG.info("disconnected from peer {}", key.fingerprint());
            Dialer dialer = network.dialer(key);
            if (dialer != null) {
                dialer.retryLater();
            }
        }
    }

    @Override
    public void onViolation(Channel channel, PublicKey key, TransportException violation) {
        LOG.warn("peer {} at {} broke the protocol: {}", key == null ? "(unauthenticated)" : key.fingerprint(),
                channel.remoteAddress(), violation.getMessage());
        network.guard().penalize(channel, key, violation);
    }
}

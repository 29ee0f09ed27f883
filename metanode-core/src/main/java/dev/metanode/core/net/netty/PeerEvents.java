package dev.metanode.core.net.netty;

import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.net.Envelope;
import dev.metanode.core.net.TrafficCounters;
import dev.metanode.core.net.TransportException;
import io.netty.channel.Channel;

/** What a channel tells the network about its peer. Called on the channel's event loop. */
public interface PeerEvents {
    void onConnected(Channel channel, HandshakeCompleted handshake, TrafficCounters counters);

    void onEnvelope(PublicKey from, Envelope envelope);

    void onDisconnected(Channel channel, PublicKey key);

    /** The peer broke the protocol; {@code key} is null if the handshake had not finished. */
    void onViolation(Channel channel, PublicKey key, TransportException violation);
}

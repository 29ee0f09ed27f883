package dev.metanode.core.net.netty;

import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.net.Envelope;
import dev.metanode.core.net.TrafficCounters;
import dev.metanode.core.net.TransportException;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;

/** PeerEvents that only remember what happened. */
final class RecordingEvents implements PeerEvents {
    final List<HandshakeCompleted> connected = new ArrayList<>();
    final List<Envelope> envelopes = new ArrayList<>();
    final List<TransportException> violations = new ArrayList<>();
    TrafficCounters counters;
    int disconnected;

    @Override
    public void onConnected(Channel channel, HandshakeCompleted handshake, TrafficCounters counters) {
        connected.add(handshake);
        this.counters = counters;
    }

    @Override
    public void onEnvelope(PublicKey from, Envelope envelope) {
        envelopes.add(envelope);
    }

    @Override
    public void onDisconnected(Channel channel, PublicKey key) {
        disconnected++;
    }

    @Override
    public void onViolation(Channel channel, PublicKey key, TransportException violation) {
        violations.add(violation);
    }
}

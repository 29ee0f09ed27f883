package dev.metanode.core.net.netty;

import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.net.HandshakeState;
import dev.metanode.core.net.NetLimits;
import dev.metanode.core.net.NodeIdentity;
import dev.metanode.core.net.PeerAllowList;
import dev.metanode.core.net.TrafficCounters;
import io.netty.channel.ChannelPipeline;
import java.security.SecureRandom;
import java.util.concurrent.Executor;

/**
 * Builds the pipeline of a peer channel: frames, then the handshake (replaced by the transport
 * codec once it succeeds), then the {@link PeerHandler}. Shared by accepted and dialled channels.
 * {@code handshakeExecutor} runs the handshake crypto (see {@link HandshakeHandler}).
 */
public record ChannelSetup(NodeIdentity identity, PeerAllowList allowList, byte[] prologue, NetLimits limits,
        SecureRandom random, PeerEvents events, Executor handshakeExecutor) {

    /** Installs the handlers; {@code expectedKey} non-null makes this side the initiator. */
    public void install(ChannelPipeline pipeline, PublicKey expectedKey) {
        TrafficCounters counters = new TrafficCounters();
        HandshakeState state = expectedKey != null
                ? HandshakeState.initiator(identity, allowList, expectedKey, prologue, limits, random)
                : HandshakeState.responder(identity, allowList, prologue, limits, random);
        // The initiator reads one handshake message (2 of 3), the responder two (1 and 3).
        int handshakeFrames = expectedKey != null ? 1 : 2;
        pipeline.addLast("frames", new FrameDecoderHandler(HandshakeState.MESSAGE_BYTES_MAX, handshakeFrames,
                limits.frameBytesMax()));
        pipeline.addLast("handshake", new HandshakeHandler(state, limits, counters, handshakeExecutor));
        pipeline.addLast("peer", new PeerHandler(events, counters));
    }
}

package dev.metanode.core.net.netty;

import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.net.NetFixtures;
import dev.metanode.core.net.NetLimits;
import dev.metanode.core.net.NodeIdentity;
import dev.metanode.core.net.PeerAllowList;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.embedded.EmbeddedChannel;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/** Two EmbeddedChannels with full peer pipelines, and a hand-driven wire between them. */
final class ChannelPair {
    final RecordingEvents initiatorEvents = new RecordingEvents();
    final RecordingEvents responderEvents = new RecordingEvents();
    final EmbeddedChannel initiator;
    final EmbeddedChannel responder;

    ChannelPair(NodeIdentity a, PeerAllowList aAllows, PublicKey expected, NodeIdentity b, PeerAllowList bAllows,
            NetLimits limits) {
        ChannelSetup aSetup = new ChannelSetup(a, aAllows, NetFixtures.PROLOGUE, limits, new SecureRandom(),
                initiatorEvents, Runnable::run);
        ChannelSetup bSetup = new ChannelSetup(b, bAllows, NetFixtures.PROLOGUE, limits, new SecureRandom(),
                responderEvents, Runnable::run);
        responder = new EmbeddedChannel(init(bSetup, null));
        initiator = new EmbeddedChannel(init(aSetup, expected));
    }

    static ChannelPair of(NetLimits limits) {
        NodeIdentity alice = NetFixtures.identity("alice");
        NodeIdentity bob = NetFixtures.identity("bob");
        PeerAllowList both = NetFixtures.allow(alice, bob);
        return new ChannelPair(alice, both, bob.publicKey(), bob, both, limits);
    }

    private static ChannelInitializer<EmbeddedChannel> init(ChannelSetup setup, PublicKey expected) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(EmbeddedChannel channel) {
                setup.install(channel.pipeline(), expected);
            }
        };
    }

    /** Runs both event loops and moves bytes both ways until neither side has anything more to say. */
    void pump() {
        boolean moved = true;
        while (moved) {
            initiator.runPendingTasks();
            responder.runPendingTasks();
            moved = move(initiator, responder) | move(responder, initiator);
        }
    }

    static boolean move(EmbeddedChannel from, EmbeddedChannel to) {
        boolean moved = false;
        for (ByteBuf buf = from.readOutbound(); buf != null; buf = from.readOutbound()) {
            moved = true;
            if (to.isOpen()) {
                to.writeInbound(buf);
            } else {
                buf.release();
            }
        }
        return moved;
    }

    /** Takes everything one side wrote, as separate wire chunks. */
    static List<byte[]> drain(EmbeddedChannel from) {
        List<byte[]> chunks = new ArrayList<>();
        for (ByteBuf buf = from.readOutbound(); buf != null; buf = from.readOutbound()) {
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            buf.release();
            chunks.add(bytes);
        }
        return chunks;
    }
}

package dev.metanode.core.net.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.net.Envelope;
import dev.metanode.core.net.Message;
import dev.metanode.core.net.NetFixtures;
import dev.metanode.core.net.OutboundBudget;
import dev.metanode.core.net.TrafficCounters;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Backpressure of one peer connection, on an EmbeddedChannel. */
class PeerConnectionTest {
    private static final Envelope HELLO = Envelope.direct(new Message(1, 1, new byte[100]));

    @Test
    void refusesSendsWhileAStuckPeerHoldsTheQueue() {
        // A socket that never drains: writes are held, their promises stay open.
        List<ChannelPromise> held = new ArrayList<>();
        EmbeddedChannel channel = new EmbeddedChannel(new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                held.add(promise);
            }
        });
        TrafficCounters counters = new TrafficCounters();
        OutboundBudget budget = new OutboundBudget(2, 1 << 20);
        PeerConnection connection = new PeerConnection(channel, NetFixtures.key("bob").publicKey(), true,
                Instant.EPOCH, counters, budget);

        assertTrue(connection.send(HELLO));
        assertTrue(connection.send(HELLO));
        assertFalse(connection.send(HELLO), "two frames are stuck: the budget is spent");
        assertEquals(1, counters.messagesDropped());
        assertEquals(2, budget.frames());

        held.forEach(ChannelPromise::setSuccess); // the socket drains
        assertEquals(0, budget.frames(), "written frames give their room back");
        assertTrue(connection.send(HELLO));
    }

    @Test
    void refusesSendsToAClosedChannel() {
        EmbeddedChannel channel = new EmbeddedChannel();
        TrafficCounters counters = new TrafficCounters();
        PeerConnection connection = new PeerConnection(channel, NetFixtures.key("bob").publicKey(), false,
                Instant.EPOCH, counters, new OutboundBudget(10, 1 << 20));
        channel.close();
        assertFalse(connection.send(HELLO));
        assertEquals(1, counters.messagesDropped());
    }
}

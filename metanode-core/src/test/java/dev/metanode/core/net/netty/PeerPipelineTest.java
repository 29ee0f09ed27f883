package dev.metanode.core.net.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.net.Envelope;
import dev.metanode.core.net.Message;
import dev.metanode.core.net.Misbehaviour;
import dev.metanode.core.net.NetFixtures;
import dev.metanode.core.net.NetLimits;
import dev.metanode.core.net.NodeIdentity;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The whole peer pipeline (framing, handshake, transport codec, peer handler) on EmbeddedChannels. */
class PeerPipelineTest {
    private final NetLimits limits = NetLimits.defaults();
    private final NodeIdentity alice = NetFixtures.identity("alice");
    private final NodeIdentity bob = NetFixtures.identity("bob");
    private final NodeIdentity mallory = NetFixtures.identity("mallory");

    private static Envelope hello(int i) {
        return Envelope.direct(new Message(3, 1, ("hello " + i).getBytes()));
    }

    @Test
    void handshakeThenMessagesBothWays() {
        ChannelPair pair = ChannelPair.of(limits);
        pair.pump();
        assertEquals(bob.publicKey(), pair.initiatorEvents.connected.get(0).remoteKey());
        assertEquals(alice.publicKey(), pair.responderEvents.connected.get(0).remoteKey());
        pair.initiator.writeOutbound(hello(1));
        pair.responder.writeOutbound(hello(2));
        pair.pump();
        assertEquals(List.of(hello(1)), pair.responderEvents.envelopes);
        assertEquals(List.of(hello(2)), pair.initiatorEvents.envelopes);
        assertEquals(1, pair.responderEvents.counters.messagesIn());
        assertTrue(pair.responderEvents.counters.bytesIn() > 0);
    }

    @Test
    void refusesWrongIdentity() {
        ChannelPair pair = new ChannelPair(alice, NetFixtures.allow(alice, bob, mallory), bob.publicKey(),
                mallory, NetFixtures.allow(alice, mallory), limits);
        pair.pump();
        assertTrue(pair.initiatorEvents.connected.isEmpty());
        assertEquals(Misbehaviour.NOT_ALLOWED, pair.initiatorEvents.violations.get(0).misbehaviour());
        assertFalse(pair.initiator.isOpen());
    }

    @Test
    void refusesPeerNotOnAllowList() {
        ChannelPair pair = new ChannelPair(mallory, NetFixtures.allow(alice, mallory), alice.publicKey(),
                alice, NetFixtures.allow(alice, bob), limits);
        pair.pump();
        assertTrue(pair.responderEvents.connected.isEmpty());
        assertTrue(pair.responderEvents.violations.get(0).getMessage().contains("not on the allow-list"));
        assertFalse(pair.responder.isOpen());
    }

    @Test
    void refusesReplayedFrame() {
        ChannelPair pair = ChannelPair.of(limits);
        pair.pump();
        pair.initiator.writeOutbound(hello(1));
        byte[] frame = ChannelPair.drain(pair.initiator).get(0);
        pair.responder.writeInbound(Unpooled.wrappedBuffer(frame));
        pair.responder.writeInbound(Unpooled.wrappedBuffer(frame));
        assertEquals(1, pair.responderEvents.envelopes.size());
        assertEquals(Misbehaviour.BAD_FRAME, pair.responderEvents.violations.get(0).misbehaviour());
        assertFalse(pair.responder.isOpen());
    }

    @Test
    void refusesTamperedFrame() {
        ChannelPair pair = ChannelPair.of(limits);
        pair.pump();
        pair.initiator.writeOutbound(hello(1));
        byte[] frame = ChannelPair.drain(pair.initiator).get(0);
        frame[frame.length - 1] ^= 0x40;
        pair.responder.writeInbound(Unpooled.wrappedBuffer(frame));
        assertTrue(pair.responderEvents.envelopes.isEmpty());
        assertEquals(1, pair.responderEvents.violations.size());
        assertFalse(pair.responder.isOpen());
    }

    @Test
    void refusesOversizedFrame() {
        ChannelPair pair = ChannelPair.of(limits.withFrameBytesMax(4096));
        pair.pump();
        pair.responder.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0x10, 0x01}));
        assertTrue(pair.responderEvents.violations.get(0).getMessage().contains("exceeds frameBytesMax 4096"));
        assertFalse(pair.responder.isOpen());
    }

    @Test
    void refusesOversizedHandshakeFrameBeforeBuffering() {
        ChannelPair pair = ChannelPair.of(limits);
        pair.responder.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 1, 0, 0}));
        assertFalse(pair.responder.isOpen(), "64 KiB is far above the largest handshake message");
    }

    @Test
    void handshakeTimesOut() {
        ChannelPair pair = ChannelPair.of(limits);
        pair.responder.advanceTimeBy(limits.handshakeTimeoutMs(), TimeUnit.MILLISECONDS);
        pair.responder.runScheduledPendingTasks();
        assertEquals(Misbehaviour.HANDSHAKE_FAILED, pair.responderEvents.violations.get(0).misbehaviour());
        assertFalse(pair.responder.isOpen());
    }

    @Test
    void framesSplitAcrossReadsAndBatchedInOneRead() {
        ChannelPair pair = ChannelPair.of(limits);
        pair.pump();
        for (int i = 0; i < 3; i++) {
            pair.initiator.writeOutbound(hello(i));
        }
        byte[] all = concat(ChannelPair.drain(pair.initiator));
        for (int at = 0; at < all.length; at += 7) {
            pair.responder.writeInbound(Unpooled.wrappedBuffer(all, at, Math.min(7, all.length - at)));
        }
        assertEquals(List.of(hello(0), hello(1), hello(2)), pair.responderEvents.envelopes);
        assertTrue(pair.responderEvents.violations.isEmpty());
    }

    @Test
    void writesBeforeAFlushShareOneFrame() {
        ChannelPair pair = ChannelPair.of(limits);
        pair.pump();
        for (int i = 0; i < 3; i++) {
            pair.initiator.write(hello(i));
        }
        pair.initiator.flush();
        List<byte[]> frames = ChannelPair.drain(pair.initiator);
        assertEquals(1, frames.size());
        pair.responder.writeInbound(Unpooled.wrappedBuffer(frames.get(0)));
        assertEquals(List.of(hello(0), hello(1), hello(2)), pair.responderEvents.envelopes);
        assertEquals(3, pair.responderEvents.counters.messagesIn());
    }

    @Test
    void rekeysInStepThroughThePipeline() {
        ChannelPair pair = ChannelPair.of(limits.withRekey(2, 300));
        pair.pump();
        List<Envelope> sent = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            sent.add(hello(i));
            pair.initiator.writeOutbound(hello(i));
            if (i % 3 == 0) {
                pair.responder.writeOutbound(hello(100 + i));
            }
            pair.pump();
        }
        assertEquals(sent, pair.responderEvents.envelopes);
        assertEquals(9, pair.initiatorEvents.envelopes.size());
        assertTrue(pair.responderEvents.violations.isEmpty() && pair.initiatorEvents.violations.isEmpty());
    }

    @Test
    void framesThatOvertakeTheLastHandshakeStepAreKept() {
        ChannelPair pair = ChannelPair.of(limits);
        pair.initiator.runPendingTasks();
        ChannelPair.move(pair.initiator, pair.responder); // message 1
        pair.responder.runPendingTasks();
        ChannelPair.move(pair.responder, pair.initiator); // message 2
        pair.initiator.runPendingTasks(); // the initiator writes message 3 and is done
        pair.initiator.writeOutbound(hello(1));
        byte[] together = concat(ChannelPair.drain(pair.initiator));
        pair.responder.writeInbound(Unpooled.wrappedBuffer(together)); // message 3 and a frame in one read
        pair.responder.runPendingTasks();
        assertEquals(1, pair.responderEvents.connected.size());
        assertEquals(List.of(hello(1)), pair.responderEvents.envelopes);
    }

    @Test
    void refusesAHandshakeMessageOutOfTurn() {
        ChannelPair pair = ChannelPair.of(limits);
        pair.initiator.runPendingTasks();
        byte[] message1 = concat(ChannelPair.drain(pair.initiator));
        byte[] extra = {0, 0, 0, 1, 42};
        pair.responder.writeInbound(Unpooled.wrappedBuffer(concat(List.of(message1, extra))));
        pair.responder.runPendingTasks();
        assertEquals(Misbehaviour.HANDSHAKE_FAILED, pair.responderEvents.violations.get(0).misbehaviour());
        assertFalse(pair.responder.isOpen());
    }

    private static byte[] concat(List<byte[]> chunks) {
        int length = chunks.stream().mapToInt(c -> c.length).sum();
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, out, at, chunk.length);
            at += chunk.length;
        }
        return out;
    }
}

package dev.metanode.core.net.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.net.TransportException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import org.junit.jupiter.api.Test;

class FrameDecoderHandlerTest {

    @Test
    void waitsForWholeFrames() {
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoderHandler(100));
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0}));
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 3, 'a', 'b'}));
        assertNull(channel.readInbound());
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {'c', 0, 0, 0, 1, 'd'}));
        ByteBuf first = channel.readInbound();
        ByteBuf second = channel.readInbound();
        assertEquals("abc", first.toString(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals("d", second.toString(java.nio.charset.StandardCharsets.US_ASCII));
        first.release();
        second.release();
    }

    @Test
    void refusesZeroLengthAndDiscardsTheRest() {
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoderHandler(100));
        DecoderException e = assertThrows(DecoderException.class,
                () -> channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 0, 0, 0, 0, 1, 'x'})));
        assertTrue(e.getCause() instanceof TransportException);
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 1, 'y'}));
        assertNull(channel.readInbound(), "nothing is decoded after a bad length");
    }

    @Test
    void pausesAfterTheHandshakeFramesUntilResumed() {
        FrameDecoderHandler decoder = new FrameDecoderHandler(2, 1, 3);
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        assertThrows(DecoderException.class,
                () -> new EmbeddedChannel(new FrameDecoderHandler(2, 1, 3))
                        .writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 3, 1, 2, 3})),
                "a handshake frame above the handshake limit");
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 2, 9, 9, 0, 0, 0, 3, 1, 2, 3}));
        ByteBuf handshake = channel.readInbound();
        assertEquals(2, handshake.readableBytes());
        handshake.release();
        assertNull(channel.readInbound(), "the transport frame waits for the handshake");
        assertFalse(channel.config().isAutoRead(), "and the socket is not read meanwhile");
        decoder.resume();
        ByteBuf transport = channel.readInbound();
        assertEquals(3, transport.readableBytes());
        transport.release();
        assertTrue(channel.config().isAutoRead());
        assertThrows(DecoderException.class,
                () -> channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 4})));
    }
}

package dev.metanode.core.net.netty;

import dev.metanode.core.net.Envelope;
import dev.metanode.core.net.FrameFormat;
import dev.metanode.core.net.TrafficCounters;
import dev.metanode.core.net.TransportCipher;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Encrypts outgoing {@link Envelope}s into frames and decrypts incoming frame bodies back into
 * envelopes. A frame that fails authentication (tampered, replayed, reordered) or decoding throws,
 * and the channel's error handler closes the connection: the counters cannot recover from a gap.
 */
public final class TransportCodecHandler extends ChannelDuplexHandler {
    private final TransportCipher cipher;
    private final TrafficCounters counters;
    private boolean failed;

    public TransportCodecHandler(TransportCipher cipher, TrafficCounters counters) {
        this.cipher = cipher;
        this.counters = counters;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf body = (ByteBuf) msg;
        if (failed) {
            // Frames decoded in the same read as a bad one: the connection is closing, drop them.
            body.release();
            return;
        }
        byte[] plaintext;
        try {
            int length = body.readableBytes();
            if (body.hasArray()) {
                plaintext = cipher.openFrame(body.array(), body.arrayOffset() + body.readerIndex(), length);
            } else {
                byte[] copy = new byte[length];
                body.getBytes(body.readerIndex(), copy);
                plaintext = cipher.openFrame(copy, 0, length);
            }
            counters.received(FrameFormat.LENGTH_BYTES + length);
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        } finally {
            body.release();
        }
        Envelope envelope;
        try {
            envelope = Envelope.decode(plaintext);
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        }
        ctx.fireChannelRead(envelope);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof Envelope envelope)) {
            ctx.write(msg, promise);
            return;
        }
        byte[] frame;
        try {
            byte[] plaintext = envelope.encode();
            frame = cipher.sealFrame(plaintext, 0, plaintext.length);
        } catch (RuntimeException e) {
            promise.setFailure(e);
            return;
        }
        counters.sent(frame.length);
        ctx.write(Unpooled.wrappedBuffer(frame), promise);
    }
}

package dev.metanode.core.net.netty;

import dev.metanode.core.net.Envelope;
import dev.metanode.core.net.FrameBatch;
import dev.metanode.core.net.FrameFormat;
import dev.metanode.core.net.TrafficCounters;
import dev.metanode.core.net.TransportCipher;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;

/**
 * Encrypts outgoing {@link Envelope}s into frames and decrypts incoming frame bodies back into
 * envelopes. Envelopes written before a flush share one frame ({@link FrameBatch}); their promises
 * complete with that frame's write. A frame that fails authentication (tampered, replayed,
 * reordered) or decoding throws, and the channel's error handler closes the connection: the
 * counters cannot recover from a gap.
 */
public final class TransportCodecHandler extends ChannelDuplexHandler {
    private final TransportCipher cipher;
    private final TrafficCounters counters;
    private final FrameBatch batch;
    private final List<ChannelPromise> batchPromises = new ArrayList<>();
    private boolean failed;

    public TransportCodecHandler(TransportCipher cipher, TrafficCounters counters, int plaintextBytesMax) {
        this.cipher = cipher;
        this.counters = counters;
        this.batch = new FrameBatch(plaintextBytesMax);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf body = (ByteBuf) msg;
        if (failed) {
            // Frames decoded in the same read as a bad one: the connection is closing, drop them.
            body.release();
            return;
        }
        List<Envelope> envelopes;
        try {
            envelopes = FrameBatch.decode(open(body));
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        } finally {
            body.release();
        }
        for (Envelope envelope : envelopes) {
            counters.messageReceived();
            ctx.fireChannelRead(envelope);
        }
    }

    private byte[] open(ByteBuf body) {
        int length = body.readableBytes();
        byte[] plaintext;
        if (body.hasArray()) {
            plaintext = cipher.openFrame(body.array(), body.arrayOffset() + body.readerIndex(), length);
        } else {
            byte[] copy = new byte[length];
            body.getBytes(body.readerIndex(), copy);
            plaintext = cipher.openFrame(copy, 0, length);
        }
        counters.frameReceived(FrameFormat.LENGTH_BYTES + length);
        return plaintext;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof Envelope envelope)) {
            ctx.write(msg, promise);
            return;
        }
        if (!batch.fits(envelope)) {
            if (batch.isEmpty()) {
                promise.setFailure(new IllegalArgumentException(
                        "envelope of " + envelope.encodedBytes() + " bytes exceeds the frame limit"));
                return;
            }
            sealBatch(ctx);
        }
        batch.add(envelope);
        batchPromises.add(promise);
        counters.messageSent();
        if (batch.full()) {
            sealBatch(ctx);
        }
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        if (!batch.isEmpty()) {
            sealBatch(ctx);
        }
        ctx.flush();
    }

    private void sealBatch(ChannelHandlerContext ctx) {
        byte[] frame = cipher.sealFrame(batch.buffer(), 0, batch.bytes());
        batch.clear();
        counters.frameSent(frame.length);
        List<ChannelPromise> promises = List.copyOf(batchPromises);
        batchPromises.clear();
        ctx.write(Unpooled.wrappedBuffer(frame)).addListener(f -> {
            for (ChannelPromise promise : promises) {
                if (f.isSuccess()) {
                    promise.trySuccess();
                } else {
                    promise.tryFailure(f.cause());
                }
            }
        });
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        // Envelopes never sealed must still complete, or their senders' budgets would leak.
        for (ChannelPromise promise : batchPromises) {
            promise.tryFailure(new ClosedChannelException());
        }
        batchPromises.clear();
        batch.clear();
    }
}

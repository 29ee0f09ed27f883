package dev.metanode.core.net.netty;

import dev.metanode.core.net.Envelope;
import dev.metanode.core.net.FrameBatch;
import dev.metanode.core.net.FrameFormat;
import dev.metanode.core.net.TrafficCounters;
import dev.metanode.core.net.TransportCipher;
import io.netty.buffer.ByteBuf;
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
    private final ScratchBuffer ciphertextIn = new ScratchBuffer();
    private final ScratchBuffer plaintextIn = new ScratchBuffer();
    private final ScratchBuffer frameOut = new ScratchBuffer();
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
            byte[] plaintext = plaintextIn.get(body.readableBytes());
            envelopes = FrameBatch.decode(plaintext, open(body, plaintext));
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

    /** Decrypts the body into plaintext; returns the plaintext length. */
    private int open(ByteBuf body, byte[] plaintext) {
        int length = body.readableBytes();
        int plaintextBytes;
        if (body.hasArray()) {
            int off = body.arrayOffset() + body.readerIndex();
            plaintextBytes = cipher.openFrame(body.array(), off, length, plaintext);
        } else {
            byte[] ciphertext = ciphertextIn.get(length);
            body.getBytes(body.readerIndex(), ciphertext, 0, length);
            plaintextBytes = cipher.openFrame(ciphertext, 0, length, plaintext);
        }
        counters.frameReceived(FrameFormat.LENGTH_BYTES + length);
        return plaintextBytes;
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
        int frameBytes = TransportCipher.frameBytes(batch.bytes());
        byte[] frame = frameOut.get(frameBytes);
        cipher.sealFrame(batch.buffer(), 0, batch.bytes(), frame);
        batch.clear();
        counters.frameSent(frameBytes);
        // One copy into a pooled direct buffer: the socket write would have made it anyway.
        ByteBuf out = ctx.alloc().ioBuffer(frameBytes).writeBytes(frame, 0, frameBytes);
        List<ChannelPromise> promises = List.copyOf(batchPromises);
        batchPromises.clear();
        ctx.write(out).addListener(f -> {
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

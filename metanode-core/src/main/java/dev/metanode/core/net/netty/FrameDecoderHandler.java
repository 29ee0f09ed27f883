package dev.metanode.core.net.netty;

import dev.metanode.core.net.FrameFormat;
import dev.metanode.core.net.TransportException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Splits the byte stream into frame bodies ({@code u32 length || body}). The length is checked
 * before the body is buffered: during the handshake against the largest handshake message, after
 * it against frameBytesMax.
 *
 * <p>Once the peer's last handshake message is out, the decoder pauses, and reading stops, until
 * {@link #resume()}: whatever the peer sends next is transport data that cannot be checked before
 * the handshake's crypto ends, so it stays in the socket (TCP pushes back on the peer) instead of
 * in our memory. After the first bad length the stream is discarded: the connection is being closed.
 */
public final class FrameDecoderHandler extends ByteToMessageDecoder {
    private final int transportFrameBytesMax;
    private int frameBytesMax;
    private int handshakeFramesLeft;
    private boolean paused;
    private boolean failed;
    private ChannelHandlerContext context;

    /** A decoder that reads {@code handshakeFrames} frames of at most {@code handshakeFrameBytesMax}, then pauses. */
    public FrameDecoderHandler(int handshakeFrameBytesMax, int handshakeFrames, int transportFrameBytesMax) {
        if (handshakeFrameBytesMax <= 0 || transportFrameBytesMax <= 0 || handshakeFrames < 0) {
            throw new IllegalArgumentException("frame limits must be positive");
        }
        this.frameBytesMax = handshakeFrames > 0 ? handshakeFrameBytesMax : transportFrameBytesMax;
        this.handshakeFramesLeft = handshakeFrames;
        this.transportFrameBytesMax = transportFrameBytesMax;
    }

    /** A decoder without a handshake phase. */
    public FrameDecoderHandler(int frameBytesMax) {
        this(frameBytesMax, 0, frameBytesMax);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
        this.context = ctx;
        super.handlerAdded(ctx);
    }

    /** Called on the event loop once the handshake succeeded: decodes what waited, reads again. */
    public void resume() {
        if (!paused) {
            return;
        }
        paused = false;
        frameBytesMax = transportFrameBytesMax;
        context.channel().config().setAutoRead(true);
        try {
            channelRead(context, Unpooled.EMPTY_BUFFER); // decodes the frames already buffered
            channelReadComplete(context);
        } catch (Exception e) {
            context.fireExceptionCaught(e);
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (paused || in.readableBytes() < FrameFormat.LENGTH_BYTES) {
            return;
        }
        long declared = in.getUnsignedInt(in.readerIndex());
        int length;
        try {
            length = FrameFormat.checkLength(declared, frameBytesMax);
        } catch (TransportException e) {
            failed = true;
            in.skipBytes(in.readableBytes());
            throw e;
        }
        if (in.readableBytes() < FrameFormat.LENGTH_BYTES + length) {
            return;
        }
        in.skipBytes(FrameFormat.LENGTH_BYTES);
        out.add(in.readRetainedSlice(length));
        if (handshakeFramesLeft > 0 && --handshakeFramesLeft == 0) {
            paused = true;
            ctx.channel().config().setAutoRead(false);
        }
    }
}

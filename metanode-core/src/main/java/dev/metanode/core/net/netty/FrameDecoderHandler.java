package dev.metanode.core.net.netty;

import dev.metanode.core.net.FrameFormat;
import dev.metanode.core.net.TransportException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Splits the byte stream into frame bodies ({@code u32 length || body}). The length is checked
 * before the body is buffered: during the handshake against the largest handshake message, after
 * it against frameBytesMax. After the first bad length the stream is discarded: the connection is
 * being closed and its remaining bytes mean nothing.
 */
public final class FrameDecoderHandler extends ByteToMessageDecoder {
    private int frameBytesMax;
    private boolean failed;

    public FrameDecoderHandler(int frameBytesMax) {
        if (frameBytesMax <= 0) {
            throw new IllegalArgumentException("frameBytesMax must be positive");
        }
        this.frameBytesMax = frameBytesMax;
    }

    /** Raised by the handshake handler once the peer is authenticated. */
    public void frameBytesMax(int newMax) {
        this.frameBytesMax = newMax;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < FrameFormat.LENGTH_BYTES) {
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
    }
}

package dev.metanode.httpcage.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http2.Http2CodecUtil;
import java.util.List;

/**
 * Plain loopback listener: HTTP/2 with prior knowledge (h2c) starts with the fixed connection
 * preface, HTTP/1.1 never does. Decides on the first byte that differs (the first byte, for every
 * HTTP/1.1 method but PRI), then steps aside; the bytes it saw go on to the chosen decoder.
 */
final class PrefaceSniffer extends ByteToMessageDecoder {
    private static final ByteBuf PREFACE = Http2CodecUtil.connectionPrefaceBuf();

    private final FrontDoorInitializer pipelines;
    private final HeadDeadline deadline;

    PrefaceSniffer(FrontDoorInitializer pipelines, HeadDeadline deadline) {
        this.pipelines = pipelines;
        this.deadline = deadline;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        ctx.read();
        super.channelActive(ctx);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int seen = Math.min(in.readableBytes(), PREFACE.readableBytes());
        boolean matches = in.slice(in.readerIndex(), seen).equals(PREFACE.slice(PREFACE.readerIndex(), seen));
        if (!matches) {
            pipelines.http1(ctx.pipeline(), deadline, ctx.name());
            ctx.pipeline().remove(this);
        } else if (seen == PREFACE.readableBytes()) {
            // The preface is the HTTP/2 codec's to read; the HTTP/1 head deadline does not apply.
            deadline.headReceived();
            ctx.pipeline().remove(deadline);
            pipelines.http2(ctx.pipeline());
            ctx.pipeline().remove(this);
        }
        // else: a prefix of the preface so far; wait for more (the deadline still runs).
    }
}

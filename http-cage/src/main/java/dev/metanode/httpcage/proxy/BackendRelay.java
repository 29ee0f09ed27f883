package dev.metanode.httpcage.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.ReferenceCountUtil;

/** The app side of a front connection: hands the app's response to the front door's {@link ResponsePath}. */
final class BackendRelay extends ChannelInboundHandlerAdapter {
    private final FrontDoorHandler front;

    BackendRelay(FrontDoorHandler front) {
        this.front = front;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!front.app.is(ctx.channel())) {
            ReferenceCountUtil.release(msg);
            ctx.close();
            return;
        }
        if (msg instanceof HttpResponse head) {
            front.responses.head(head);
        }
        if (msg instanceof HttpContent content) {
            front.responses.content(content);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        front.backendClosed(ctx.channel());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}

package dev.metanode.httpcage.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;

/**
 * After the TLS handshake, builds the pipeline for what ALPN chose: "h2" gets HTTP/2, anything else
 * (including a client that offers no ALPN) HTTP/1.1.
 */
final class AlpnChoice extends ApplicationProtocolNegotiationHandler {
    private final FrontDoorInitializer pipelines;

    AlpnChoice(FrontDoorInitializer pipelines) {
        super(ApplicationProtocolNames.HTTP_1_1);
        this.pipelines = pipelines;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        // Connections start with AUTO_READ off; the handshake needs the first read.
        ctx.read();
        super.channelActive(ctx);
    }

    @Override
    protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
        if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
            pipelines.http2(ctx.pipeline());
        } else {
            pipelines.http1AfterTls(ctx);
        }
    }

    @Override
    protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}

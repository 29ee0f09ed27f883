package dev.metanode.httpcage.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * HTTP/2 on a front connection: the frame codec and one child channel per stream. Each stream is
 * turned back into HTTP/1-style objects and handled by its own {@link FrontDoorHandler}, so auth,
 * limits, policy, signatures and notarisation are the HTTP/1 code, and the stream is proxied to the
 * app over HTTP/1.1 like any request. Connection-specific headers never cross: the conversion to
 * HTTP/2 headers drops them from responses, {@link Http2Requests} from requests.
 */
final class Http2Front {
    /** Streams one client may have open at once (RFC 9113 recommends no fewer than 100). */
    static final int STREAMS_MAX = 100;

    private Http2Front() {}

    static void configure(ChannelPipeline p, ProxyContext cage) {
        p.addLast("idle", new IdleStateHandler(0, 0, cage.limits().idleTimeoutMs(), TimeUnit.MILLISECONDS));
        p.addLast("h2", Http2FrameCodecBuilder.forServer()
                .initialSettings(Http2Settings.defaultSettings()
                        .maxConcurrentStreams(STREAMS_MAX)
                        .maxHeaderListSize(cage.limits().headerBytesMax()))
                .validateHeaders(true)
                .build());
        p.addLast("h2-streams", new Http2MultiplexHandler(new StreamInitializer(cage)));
        p.addLast("h2-idle", new ClosesWhenIdle());
        // HTTP/2 has its own flow control per stream; the connection reads freely and each stream
        // channel (AUTO_READ off) is read only as its exchange allows.
        p.channel().config().setAutoRead(true);
    }

    /**
     * HTTP/2 by {@code Upgrade: h2c} once the 101 is on its way ({@link H2cUpgrade}): the handlers of
     * {@link #configure}, the client's settings from its HTTP2-Settings header, and the upgrading
     * request delivered as the HEADERS of stream 1, half-closed because the client has sent all of
     * it. Stream 1 then gets its channel and front door like any stream. This is what Netty's own
     * {@code Http2ServerUpgradeCodec} does, without the aggregating handler it needs in front of
     * every HTTP/1.1 request.
     */
    static void upgrade(ChannelPipeline p, ProxyContext cage, Http2Settings clientSettings, Http2Headers request)
            throws Http2Exception {
        configure(p, cage);
        Http2FrameCodec codec = p.get(Http2FrameCodec.class);
        codec.onHttpServerUpgrade(clientSettings);
        codec.decoder().frameListener().onHeadersRead(p.context(codec), Http2CodecUtil.HTTP_UPGRADE_STREAM_ID,
                request, 0, true);
    }

    private static final class StreamInitializer extends ChannelInitializer<Http2StreamChannel> {
        private final ProxyContext cage;

        StreamInitializer(ProxyContext cage) {
            this.cage = cage;
        }

        @Override
        protected void initChannel(Http2StreamChannel ch) {
            ch.config().setAutoRead(false);
            ch.pipeline().addLast("h2-http", new Http2StreamFrameToHttpObjectCodec(true));
            ch.pipeline().addLast("h2-request", new Http2Requests());
            ch.pipeline().addLast("front", new FrontDoorHandler(cage, null));
        }
    }

    private static final class ClosesWhenIdle extends ChannelInboundHandlerAdapter {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof IdleStateEvent) {
                ctx.close();
                return;
            }
            super.userEventTriggered(ctx, evt);
        }
    }
}

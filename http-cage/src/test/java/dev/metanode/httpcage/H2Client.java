package dev.metanode.httpcage;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A small HTTP/2 client for tests: prior-knowledge h2c, or h2 over TLS with ALPN; one stream per request. */
public final class H2Client implements AutoCloseable {
    public record Response(int status, String body, Map<String, String> headers) {}

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel connection;

    /** @param tls null for h2c with prior knowledge */
    public H2Client(int port, SslContext tls, String sni) throws InterruptedException {
        connection = new Bootstrap().group(group).channel(NioSocketChannel.class).handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                if (tls != null) {
                    ch.pipeline().addLast(tls.newHandler(ch.alloc(), sni, port));
                }
                ch.pipeline().addLast(Http2FrameCodecBuilder.forClient().build());
                ch.pipeline().addLast(new Http2MultiplexHandler(new ChannelInboundHandlerAdapter()));
            }
        }).connect(InetAddress.getLoopbackAddress(), port).sync().channel();
    }

    public String negotiatedProtocol() {
        SslHandler ssl = connection.pipeline().get(SslHandler.class);
        return ssl == null ? "h2c" : ssl.applicationProtocol();
    }

    public boolean isOpen() {
        return connection.isActive();
    }

    public Response get(String host, String path, Map<String, String> headers) throws Exception {
        return send(HttpMethod.GET, host, path, headers, new byte[0]);
    }

    public Response send(HttpMethod method, String host, String path, Map<String, String> headers, byte[] body)
            throws Exception {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, path, Unpooled.wrappedBuffer(body));
        request.headers().set("host", host);
        headers.forEach(request.headers()::set);
        if (body.length > 0) {
            request.headers().setInt("content-length", body.length);
        }
        return sendAsync(request).get(10, TimeUnit.SECONDS);
    }

    public CompletableFuture<Response> sendAsync(FullHttpRequest request) throws InterruptedException {
        CompletableFuture<Response> answer = new CompletableFuture<>();
        Http2StreamChannel stream = new Http2StreamChannelBootstrap(connection).handler(new ChannelInitializer<Http2StreamChannel>() {
            @Override
            protected void initChannel(Http2StreamChannel ch) {
                ch.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(false));
                ch.pipeline().addLast(new HttpObjectAggregator(16 << 20));
                ch.pipeline().addLast(new SimpleChannelInboundHandler<FullHttpResponse>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse r) {
                        Map<String, String> h = new HashMap<>();
                        r.headers().forEach(e -> h.put(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue()));
                        answer.complete(new Response(r.status().code(), r.content().toString(StandardCharsets.UTF_8), h));
                    }

                    @Override
                    public void channelInactive(ChannelHandlerContext ctx) {
                        answer.completeExceptionally(new java.io.IOException("stream closed without a response"));
                    }

                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                        answer.completeExceptionally(cause);
                        ctx.close();
                    }
                });
            }
        }).open().sync().getNow();
        stream.writeAndFlush(request);
        return answer;
    }

    @Override
    public void close() {
        connection.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}

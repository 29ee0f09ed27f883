package dev.metanode.httpcage.proxy;

import dev.metanode.httpcage.notary.MessageDigester;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * The response side of a front connection: stamps and digests the app's response, writes it to
 * the client reading the app only as fast as the client takes it, and closes the exchange with a
 * receipt. Also sends the cage's own responses, and switches to a byte relay after a 101.
 */
final class ResponsePath {
    private final FrontDoorHandler front;

    ResponsePath(FrontDoorHandler front) {
        this.front = front;
    }

    void head(HttpResponse response) {
        Exchange ex = front.exchange;
        if (ex == null || ex.finished) {
            front.ctx.close();
            return;
        }
        int code = response.status().code();
        boolean interim = code >= 100 && code < 200 && code != 101;
        boolean upgrade = code == 101 && ex.upgrade;
        boolean appKeepsAlive = HttpUtil.isKeepAlive(response);
        HopHeaders.strip(response.headers(), upgrade);
        response.setProtocolVersion(HttpVersion.HTTP_1_1);
        if (interim) {
            ex.skipNextLast = true;
            front.ctx.writeAndFlush(response).addListener(readApp());
            return;
        }
        ex.responseStarted = true;
        ex.status = code;
        // An app that says it will close must not get the next request on this connection: it
        // would race the close and turn into a 502. Read before the hop-by-hop headers go.
        ex.retireBackend = !upgrade && !appKeepsAlive;
        if (!upgrade && bodyCanFollow(ex, code) && !HttpUtil.isContentLengthSet(response)
                && !HttpUtil.isTransferEncodingChunked(response)) {
            // The app delimits the body by closing; re-frame it chunked so the client connection survives.
            HttpUtil.setTransferEncodingChunked(response, true);
        }
        if (!ex.keepAlive) {
            ex.closeAfter = true;
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        if (front.cage.responses() != null && front.cage.signs().test(ex.app)) {
            front.cage.responses().stamp(ex.head, response);
        }
        ex.response = digester(ex, response);
        front.ctx.writeAndFlush(response).addListener(readApp());
    }

    void content(HttpContent content) {
        Exchange ex = front.exchange;
        if (ex == null || ex.finished) {
            content.release();
            return;
        }
        if (ex.skipNextLast && content instanceof LastHttpContent) {
            ex.skipNextLast = false;
            content.release();
            front.app.read();
            return;
        }
        ex.response.body(content.content().nioBuffer());
        if (!(content instanceof LastHttpContent)) {
            front.ctx.writeAndFlush(content).addListener(readApp());
            return;
        }
        boolean upgrade = ex.status == 101 && ex.upgrade;
        ChannelFuture written = front.ctx.writeAndFlush(content);
        finish(ex);
        if (upgrade) {
            switchToRelay();
        } else if (ex.closeAfter || !ex.requestDone) {
            written.addListener(ChannelFutureListener.CLOSE);
        } else {
            if (ex.retireBackend) {
                front.app.close();
            } else {
                front.app.read();
            }
            front.nextExchange();
        }
    }

    /** Sends one of the cage's own complete responses for the current exchange. */
    void local(FullHttpResponse response) {
        Exchange ex = front.exchange;
        ex.responseStarted = true;
        ex.status = response.status().code();
        if (!ex.keepAlive) {
            ex.closeAfter = true;
        }
        if (front.cage.responses() != null && front.cage.signs().test(ex.app)) {
            front.cage.responses().stamp(ex.head, response);
        }
        ex.response = digester(ex, response);
        ex.response.body(response.content().nioBuffer());
        ChannelFuture written = front.ctx.writeAndFlush(response);
        finish(ex);
        if (ex.closeAfter || !ex.requestDone && !isBodyless(ex)) {
            front.state = FrontDoorHandler.State.CLOSED;
            written.addListener(ChannelFutureListener.CLOSE);
        } else {
            front.nextExchange();
        }
    }

    /** The exchange ends without a complete response (client or app went away). */
    void abort() {
        Exchange ex = front.exchange;
        if (ex != null && !ex.finished) {
            ex.response = null;
            finish(ex);
        }
        front.ctx.close();
    }

    private void finish(Exchange ex) {
        ex.finished = true;
        front.requestTimer.disarm();
        long end = front.cage.clock().nanoTime();
        front.cage.metrics().request(ex.app, ex.status, end - ex.startNanos);
        if (front.cage.notary() != null && ex.reserved) {
            front.cage.notary().submit(ex.record(end, front.clientAddress()));
        }
    }

    private void switchToRelay() {
        Channel client = front.ctx.channel();
        Channel app = front.app.channel();
        ChannelPipeline appPipeline = app.pipeline();
        appPipeline.replace("relay", "raw", new RawRelay(client));
        appPipeline.remove("codec");
        ChannelPipeline clientPipeline = client.pipeline();
        clientPipeline.addLast("raw", new RawRelay(app));
        clientPipeline.remove(front);
        clientPipeline.remove("encoder");
        clientPipeline.remove("decoder");
        clientPipeline.remove("deadline");
        client.config().setAutoRead(true);
        app.config().setAutoRead(true);
    }

    private ChannelFutureListener readApp() {
        return f -> {
            if (f.isSuccess()) {
                front.app.read();
            }
        };
    }

    private static boolean isBodyless(Exchange ex) {
        return !HttpUtil.isContentLengthSet(ex.head) && !HttpUtil.isTransferEncodingChunked(ex.head);
    }

    private static boolean bodyCanFollow(Exchange ex, int code) {
        return !ex.method.equals(HttpMethod.HEAD.name()) && code != 204 && code != 304;
    }

    private static MessageDigester digester(Exchange ex, HttpResponse response) {
        return ex.hashing ? new MessageDigester(statusLine(response), response.headers()::iteratorCharSequence)
                : MessageDigester.counting();
    }

    private static String statusLine(HttpResponse response) {
        return response.protocolVersion() + " " + response.status().code() + " " + response.status().reasonPhrase();
    }
}

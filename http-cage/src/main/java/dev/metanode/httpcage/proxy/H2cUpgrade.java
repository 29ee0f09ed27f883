package dev.metanode.httpcage.proxy;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpScheme;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.HttpConversionUtil;
import io.netty.util.AsciiString;
import java.util.List;
import java.util.Optional;

/**
 * HTTP/2 by {@code Upgrade: h2c} (RFC 7540 section 3.2) on the plain loopback listener. A request
 * that asks for it, declares no body and brings one readable {@code HTTP2-Settings} header is
 * answered {@code 101 Switching Protocols}; the connection becomes the HTTP/2 connection that prior
 * knowledge gives ({@link Http2Front}) and the request becomes its stream 1. The upgrade decides
 * nothing about the request: on stream 1 it meets the front-door code every HTTP/2 stream meets
 * (gates, limits, notarisation), so a refusal is sent on stream 1 as well. Anything else (a body,
 * missing or unreadable settings, HTTP/1.0, TLS) is answered in HTTP/1.1 as if no upgrade had been
 * asked for, which RFC 9110 section 7.8 allows.
 */
final class H2cUpgrade {
    static final AsciiString PROTOCOL = AsciiString.cached("h2c");
    static final AsciiString SETTINGS_HEADER = AsciiString.cached("http2-settings");

    private final Http2Settings clientSettings;
    private final Http2Headers request;

    private H2cUpgrade(Http2Settings clientSettings, Http2Headers request) {
        this.clientSettings = clientSettings;
        this.request = request;
    }

    /** Whether Upgrade names h2c. Asked only once Connection named "upgrade", so plain requests never pay. */
    static boolean isAsked(HttpHeaders headers) {
        return headers.containsValue(HttpHeaderNames.UPGRADE, PROTOCOL, true);
    }

    /**
     * The upgrade the cage takes up for {@code head}, or null to answer it in HTTP/1.1.
     *
     * @param scheme the listener's scheme: only "http" (plain loopback) upgrades; TLS has ALPN
     */
    static H2cUpgrade offered(HttpRequest head, String scheme) {
        HttpHeaders headers = head.headers();
        if (!"http".equals(scheme) || !HttpVersion.HTTP_1_1.equals(head.protocolVersion())
                || head.decoderResult().isFailure() || declaresBody(headers)
                // RFC 7540 3.2.1: the settings belong to this hop, so Connection must name them.
                || !headers.containsValue(HttpHeaderNames.CONNECTION, SETTINGS_HEADER, true)) {
            return null;
        }
        List<String> values = headers.getAll(SETTINGS_HEADER);
        Optional<Http2Settings> settings = values.size() == 1 ? Http2SettingsHeader.decode(values.get(0))
                : Optional.empty();
        Http2Headers stream = settings.isPresent() ? streamHeaders(head) : null;
        return stream == null ? null : new H2cUpgrade(settings.get(), stream);
    }

    /**
     * Sends the 101 and turns the connection into HTTP/2 with this request as stream 1; the HTTP/1
     * handlers, {@code front}'s own included, leave the pipeline. Called once the request is whole.
     */
    void switchProtocols(ChannelHandlerContext front, HeadDeadline deadline, ProxyContext cage) {
        ChannelPipeline p = front.pipeline();
        front.writeAndFlush(switchingProtocols()).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        // The HTTP/1 encoder leaves before the HTTP/2 codec arrives: it would refuse the codec's SETTINGS frame.
        p.remove("encoder");
        p.remove(deadline);
        try {
            Http2Front.upgrade(p, cage, clientSettings, request);
        } catch (Http2Exception e) {
            front.close();
            return;
        }
        p.remove(front.handler());
        // Last, so that bytes the decoder still holds (a client that sent its preface early) reach the HTTP/2 codec.
        p.remove("decoder");
        p.channel().flush();
    }

    private static boolean declaresBody(HttpHeaders headers) {
        return headers.contains(HttpHeaderNames.CONTENT_LENGTH) || headers.contains(HttpHeaderNames.TRANSFER_ENCODING);
    }

    /** The request as HTTP/2 headers, or null if it has no HTTP/2 form (then it stays HTTP/1.1). */
    private static Http2Headers streamHeaders(HttpRequest head) {
        HttpRequest copy = new DefaultHttpRequest(head.protocolVersion(), head.method(), head.uri(), head.headers().copy());
        // The listener is plain HTTP; a client-sent value of this header is replaced, never believed.
        copy.headers().set(HttpConversionUtil.ExtensionHeaderNames.SCHEME.text(), HttpScheme.HTTP.name());
        try {
            return HttpConversionUtil.toHttp2Headers(copy, true);
        } catch (Exception unconvertible) {
            // IllegalArgumentException for a target without an HTTP/2 form; header validation throws
            // Http2Exception without declaring it.
            return null;
        }
    }

    private static FullHttpResponse switchingProtocols() {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.SWITCHING_PROTOCOLS, Unpooled.EMPTY_BUFFER);
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderNames.UPGRADE);
        response.headers().set(HttpHeaderNames.UPGRADE, PROTOCOL);
        return response;
    }
}

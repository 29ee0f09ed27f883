package dev.metanode.httpcage;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http2.DefaultHttp2FrameReader;
import io.netty.handler.codec.http2.DefaultHttp2FrameWriter;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameAdapter;
import io.netty.handler.codec.http2.Http2FrameTypes;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Settings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The client side of an h2c connection as bytes, for tests that must see the wire: the HTTP/1.1
 * upgrade request, the client preface, HEADERS frames, and the server's frames parsed in order.
 * Netty's frame writer and reader keep the HPACK state of one connection, so use one per connection.
 */
public final class H2Wire {
    /** What curl 7.88 sends in HTTP2-Settings: MAX_CONCURRENT_STREAMS 100, INITIAL_WINDOW_SIZE 32 MiB, ENABLE_PUSH 0. */
    public static final String CURL_SETTINGS = "AAMAAABkAAQCAAAAAAIAAAAA";

    /** One frame the server sent; {@code headers} for HEADERS, {@code data} for DATA, else null. */
    public record Frame(int type, int stream, boolean endStream, Http2Headers headers, String data) {}

    /** A stream's complete response: the status, its headers (lower-case names) and body. */
    public record Response(int status, Map<String, String> headers, String body) {}

    private final EmbeddedChannel sink = new EmbeddedChannel(new ChannelOutboundHandlerAdapter());
    private final ChannelHandlerContext ctx = sink.pipeline().firstContext();
    private final DefaultHttp2FrameWriter writer = new DefaultHttp2FrameWriter();
    private final DefaultHttp2FrameReader reader = new DefaultHttp2FrameReader(true);
    private final ByteBuf received = Unpooled.buffer();
    private final List<Frame> frames = new ArrayList<>();

    /** A bodyless HTTP/1.1 request asking for h2c, as curl sends it; {@code extraHeaders} lines end in CRLF. */
    public static String upgradeRequest(String host, String path, String settings, String extraHeaders) {
        return "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                + "Upgrade: h2c\r\nHTTP2-Settings: " + settings + "\r\n" + extraHeaders + "\r\n";
    }

    /** The client connection preface: the magic, an empty SETTINGS frame, and the ACK of the server's SETTINGS. */
    public byte[] preface() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuf magic = Http2CodecUtil.connectionPrefaceBuf();
        out.writeBytes(bytes(magic));
        writer.writeSettings(ctx, new Http2Settings(), ctx.newPromise());
        writer.writeSettingsAck(ctx, ctx.newPromise());
        out.writeBytes(written());
        return out.toByteArray();
    }

    /** HEADERS for a bodyless GET on {@code stream}, ending the stream. */
    public byte[] get(int stream, String authority, String path, Map<String, String> headers) {
        Http2Headers h = new DefaultHttp2Headers().method("GET").scheme("http").authority(authority).path(path);
        headers.forEach((name, value) -> h.add(name.toLowerCase(Locale.ROOT), value));
        writer.writeHeaders(ctx, stream, h, 0, true, ctx.newPromise());
        return written();
    }

    /** Parses whatever complete frames {@code bytes} finish; partial ones wait for more. */
    public void feed(ByteBuf bytes) throws Http2Exception {
        received.writeBytes(bytes);
        bytes.release();
        reader.readFrame(ctx, received, new Collector());
        received.discardReadBytes();
    }

    public List<Frame> frames() {
        return List.copyOf(frames);
    }

    /** The response on {@code stream}, once its last frame arrived. */
    public Optional<Response> response(int stream) {
        List<Frame> mine = frames.stream().filter(f -> f.stream() == stream).toList();
        if (mine.isEmpty() || !mine.get(mine.size() - 1).endStream()) {
            return Optional.empty();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        StringBuilder body = new StringBuilder();
        for (Frame f : mine) {
            if (f.headers() != null) {
                f.headers().forEach(e -> headers.put(e.getKey().toString(), e.getValue().toString()));
            }
            if (f.data() != null) {
                body.append(f.data());
            }
        }
        return Optional.of(new Response(Integer.parseInt(headers.get(":status")), headers, body.toString()));
    }

    /** Reads the server's bytes from {@code in} until the response on {@code stream} is complete. */
    public Response await(InputStream in, int stream) throws IOException, Http2Exception {
        byte[] buffer = new byte[16 * 1024];
        while (response(stream).isEmpty()) {
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException("connection closed before the response on stream " + stream + "; frames " + frames);
            }
            feed(Unpooled.wrappedBuffer(buffer, 0, n));
        }
        return response(stream).orElseThrow();
    }

    private byte[] written() {
        sink.flush();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuf b = sink.readOutbound(); b != null; b = sink.readOutbound()) {
            out.writeBytes(bytes(b));
            b.release();
        }
        return out.toByteArray();
    }

    private static byte[] bytes(ByteBuf b) {
        byte[] out = new byte[b.readableBytes()];
        b.getBytes(b.readerIndex(), out);
        return out;
    }

    private final class Collector extends Http2FrameAdapter {
        @Override
        public void onHeadersRead(ChannelHandlerContext c, int stream, Http2Headers headers, int padding, boolean end) {
            frames.add(new Frame(Http2FrameTypes.HEADERS, stream, end, headers, null));
        }

        @Override
        public void onHeadersRead(ChannelHandlerContext c, int stream, Http2Headers headers, int dependency,
                short weight, boolean exclusive, int padding, boolean end) {
            onHeadersRead(c, stream, headers, padding, end);
        }

        @Override
        public int onDataRead(ChannelHandlerContext c, int stream, ByteBuf data, int padding, boolean end) {
            frames.add(new Frame(Http2FrameTypes.DATA, stream, end, null, data.toString(StandardCharsets.UTF_8)));
            return data.readableBytes() + padding;
        }

        @Override
        public void onSettingsRead(ChannelHandlerContext c, Http2Settings settings) {
            frames.add(new Frame(Http2FrameTypes.SETTINGS, 0, false, null, null));
        }

        @Override
        public void onRstStreamRead(ChannelHandlerContext c, int stream, long errorCode) {
            frames.add(new Frame(Http2FrameTypes.RST_STREAM, stream, true, null, null));
        }

        @Override
        public void onGoAwayRead(ChannelHandlerContext c, int lastStreamId, long errorCode, ByteBuf debugData) {
            frames.add(new Frame(Http2FrameTypes.GO_AWAY, 0, false, null, debugData.toString(StandardCharsets.UTF_8)));
        }
    }
}

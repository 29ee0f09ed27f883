package dev.metanode.httpcage.proxy;

import dev.metanode.httpcage.CageLimits;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequestDecoder;

/**
 * Netty's request decoder with the cage's limits, and one change: a request with both
 * Content-Length and Transfer-Encoding fails to decode. Netty (per RFC 9112) would drop the
 * Content-Length and carry on; a proxy must not guess when the app behind it may guess differently.
 */
public final class CagedRequestDecoder extends HttpRequestDecoder {
    public CagedRequestDecoder(CageLimits limits) {
        super(new HttpDecoderConfig()
                .setMaxInitialLineLength(limits.initialLineBytesMax())
                .setMaxHeaderSize(limits.headerBytesMax())
                .setMaxChunkSize(limits.chunkBytesMax())
                .setValidateHeaders(true)
                .setStrictLineParsing(true));
    }

    @Override
    protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
        throw new AmbiguousFramingException("Content-Length and Transfer-Encoding both present");
    }
}

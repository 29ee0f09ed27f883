package dev.metanode.httpcage.proxy;

import dev.metanode.httpcage.CageLimits;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.util.List;
import java.util.Optional;

/**
 * Checks a decoded request head before anything is forwarded: decode failures, ambiguous body
 * framing (request smuggling) and a declared body above the limit. Returns the refusal, if any.
 */
public final class RequestFraming {
    private RequestFraming() {}

    /** A refusal: the status and a one-line reason for the client and the receipt. */
    public record Refusal(HttpResponseStatus status, String reason) {}

    public static Optional<Refusal> check(HttpRequest head, CageLimits limits) {
        if (head.decoderResult().isFailure()) {
            return Optional.of(decodeFailure(head.decoderResult().cause()));
        }
        List<String> encodings = head.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING);
        if (encodings.size() > 1 || (encodings.size() == 1 && !encodings.get(0).trim().equalsIgnoreCase("chunked"))) {
            return Optional.of(new Refusal(HttpResponseStatus.BAD_REQUEST, "transfer-encoding other than chunked"));
        }
        List<String> lengths = head.headers().getAll(HttpHeaderNames.CONTENT_LENGTH);
        if (!encodings.isEmpty() && !lengths.isEmpty()) {
            return Optional.of(new Refusal(HttpResponseStatus.BAD_REQUEST, "content-length with transfer-encoding"));
        }
        if (lengths.size() > 1) {
            return Optional.of(new Refusal(HttpResponseStatus.BAD_REQUEST, "repeated content-length"));
        }
        if (lengths.size() == 1) {
            long declared = parseLength(lengths.get(0));
            if (declared < 0) {
                return Optional.of(new Refusal(HttpResponseStatus.BAD_REQUEST, "malformed content-length"));
            }
            if (declared > limits.bodyBytesMax()) {
                return Optional.of(new Refusal(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "body too large"));
            }
        }
        return Optional.empty();
    }

    static Refusal decodeFailure(Throwable cause) {
        if (cause instanceof TooLongHttpHeaderException) {
            return new Refusal(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers too large");
        }
        if (cause instanceof TooLongHttpLineException) {
            return new Refusal(HttpResponseStatus.REQUEST_URI_TOO_LONG, "request line too long");
        }
        if (cause instanceof AmbiguousFramingException) {
            return new Refusal(HttpResponseStatus.BAD_REQUEST, "content-length with transfer-encoding");
        }
        if (cause instanceof TooLongFrameException) {
            return new Refusal(HttpResponseStatus.BAD_REQUEST, "frame too large");
        }
        return new Refusal(HttpResponseStatus.BAD_REQUEST, "malformed request");
    }

    /** Digits only (no sign, no spaces): anything else is a framing ambiguity too. Returns -1 if malformed. */
    static long parseLength(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}

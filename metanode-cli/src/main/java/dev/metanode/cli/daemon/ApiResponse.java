package dev.metanode.cli.daemon;

import dev.metanode.core.codec.Json;
import java.nio.charset.StandardCharsets;

/** A response body with its status and content type. */
public record ApiResponse(int status, String contentType, byte[] body, Runnable afterSend, Streamer streamer) {
    /** Writes a response body of unknown length as it is produced (chunked). */
    @FunctionalInterface
    public interface Streamer {
        void write(java.io.OutputStream out) throws java.io.IOException;
    }

    public ApiResponse(int status, String contentType, byte[] body) {
        this(status, contentType, body, null, null);
    }

    /** A streamed body: newline-delimited JSON events, written and flushed as they happen. */
    public static ApiResponse stream(Streamer streamer) {
        return new ApiResponse(200, "application/x-ndjson", new byte[0], null, streamer);
    }

    /** The same response, with work to do once it has been sent (stopping the server, say). */
    public ApiResponse then(Runnable next) {
        return new ApiResponse(status, contentType, body, next, streamer);
    }

    public static ApiResponse json(Object value) {
        return json(200, value);
    }

    public static ApiResponse json(int status, Object value) {
        return new ApiResponse(status, "application/json", Json.write(value).getBytes(StandardCharsets.UTF_8));
    }

    public static ApiResponse text(String text) {
        return new ApiResponse(200, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }
}

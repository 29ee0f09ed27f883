package dev.metanode.httpcage;

/**
 * Limits on everything a client controls. Each has its unit in its name; tests shrink them.
 *
 * @param initialLineBytesMax longest request line (method, target, version)
 * @param headerBytesMax      all header lines of one request together
 * @param bodyBytesMax        one request body; a response body is not limited (the app is trusted)
 * @param headersTimeoutMs    a request's head must arrive within this time (slowloris)
 * @param requestTimeMaxMs    a whole exchange, head to last response byte, takes at most this
 * @param idleTimeoutMs       a keep-alive connection with nothing in flight is closed after this
 * @param connectTimeoutMs    connecting to an app's loopback port
 * @param chunkBytesMax       largest body piece passed on at once (bounds memory per connection)
 */
public record CageLimits(int initialLineBytesMax, int headerBytesMax, long bodyBytesMax, long headersTimeoutMs,
        long requestTimeMaxMs, long idleTimeoutMs, int connectTimeoutMs, int chunkBytesMax) {

    public static final int INITIAL_LINE_BYTES_MAX = 8 * 1024;
    public static final int HEADER_BYTES_MAX = 16 * 1024;
    public static final long BODY_BYTES_MAX = 16L * 1024 * 1024;
    public static final long HEADERS_TIMEOUT_MS = 10_000;
    public static final long REQUEST_TIME_MAX_MS = 120_000;
    public static final long IDLE_TIMEOUT_MS = 60_000;
    public static final int CONNECT_TIMEOUT_MS = 2_000;
    public static final int CHUNK_BYTES_MAX = 64 * 1024;

    /** The production limits. */
    public static final CageLimits DEFAULTS = new CageLimits(INITIAL_LINE_BYTES_MAX, HEADER_BYTES_MAX, BODY_BYTES_MAX,
            HEADERS_TIMEOUT_MS, REQUEST_TIME_MAX_MS, IDLE_TIMEOUT_MS, CONNECT_TIMEOUT_MS, CHUNK_BYTES_MAX);

    public CageLimits {
        checkPositive(initialLineBytesMax, "initialLineBytesMax");
        checkPositive(headerBytesMax, "headerBytesMax");
        checkPositive(bodyBytesMax, "bodyBytesMax");
        checkPositive(headersTimeoutMs, "headersTimeoutMs");
        checkPositive(requestTimeMaxMs, "requestTimeMaxMs");
        checkPositive(idleTimeoutMs, "idleTimeoutMs");
        checkPositive(connectTimeoutMs, "connectTimeoutMs");
        checkPositive(chunkBytesMax, "chunkBytesMax");
    }

    public CageLimits withHeaderBytesMax(int value) {
        return new CageLimits(initialLineBytesMax, value, bodyBytesMax, headersTimeoutMs, requestTimeMaxMs,
                idleTimeoutMs, connectTimeoutMs, chunkBytesMax);
    }

    public CageLimits withBodyBytesMax(long value) {
        return new CageLimits(initialLineBytesMax, headerBytesMax, value, headersTimeoutMs, requestTimeMaxMs,
                idleTimeoutMs, connectTimeoutMs, chunkBytesMax);
    }

    public CageLimits withHeadersTimeoutMs(long value) {
        return new CageLimits(initialLineBytesMax, headerBytesMax, bodyBytesMax, value, requestTimeMaxMs,
                idleTimeoutMs, connectTimeoutMs, chunkBytesMax);
    }

    public CageLimits withRequestTimeMaxMs(long value) {
        return new CageLimits(initialLineBytesMax, headerBytesMax, bodyBytesMax, headersTimeoutMs, value,
                idleTimeoutMs, connectTimeoutMs, chunkBytesMax);
    }

    public CageLimits withIdleTimeoutMs(long value) {
        return new CageLimits(initialLineBytesMax, headerBytesMax, bodyBytesMax, headersTimeoutMs, requestTimeMaxMs,
                value, connectTimeoutMs, chunkBytesMax);
    }

    private static void checkPositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}

package dev.metanode.core.net;

/**
 * Every limit of the transport, with its unit in its name. {@link #defaults()} is what a node runs
 * with; tests shrink single limits with the {@code with...} methods to reach them quickly.
 *
 * @param frameBytesMax largest frame body (ciphertext and tag) accepted or sent
 * @param handshakeTimeoutMs a handshake not finished by then closes the connection
 * @param rekeyFramesMax frames per direction after which both sides rekey
 * @param rekeyBytesMax frame bytes per direction after which both sides rekey
 * @param outboundQueueFramesMax frames waiting for one peer before sends are refused
 * @param outboundQueueBytesMax bytes waiting for one peer before sends are refused
 * @param dedupEntriesMax gossip message ids remembered
 * @param dedupTtlMs how long a gossip message id is remembered
 * @param gossipHopsMax relays a gossip message may take before it is no longer forwarded
 * @param reconnectDelayMsMin first reconnect delay
 * @param reconnectDelayMsMax cap of the exponential reconnect delay
 * @param banScoreMin a peer whose score falls to this or below is banned
 * @param banDurationMs how long a ban lasts
 * @param connectionsMax open connections (both directions) before new ones are refused
 */
public record NetLimits(
        int frameBytesMax,
        long handshakeTimeoutMs,
        long rekeyFramesMax,
        long rekeyBytesMax,
        int outboundQueueFramesMax,
        long outboundQueueBytesMax,
        int dedupEntriesMax,
        long dedupTtlMs,
        int gossipHopsMax,
        long reconnectDelayMsMin,
        long reconnectDelayMsMax,
        int banScoreMin,
        long banDurationMs,
        int connectionsMax) {

    /** Big enough for a block of 64 KiB messages with room to spare; small enough to bound memory per peer. */
    public static final int FRAME_BYTES_MAX = 1 << 20;

    public NetLimits {
        requirePositive(frameBytesMax, "frameBytesMax");
        if (frameBytesMax <= ChaChaPoly.TAG_BYTES + FrameBatch.RECORD_PREFIX_BYTES + Envelope.HEADER_BYTES_MAX) {
            throw new IllegalArgumentException("frameBytesMax must leave room for a tag and a header");
        }
        requirePositive(handshakeTimeoutMs, "handshakeTimeoutMs");
        requirePositive(rekeyFramesMax, "rekeyFramesMax");
        requirePositive(rekeyBytesMax, "rekeyBytesMax");
        requirePositive(outboundQueueFramesMax, "outboundQueueFramesMax");
        requirePositive(outboundQueueBytesMax, "outboundQueueBytesMax");
        requirePositive(dedupEntriesMax, "dedupEntriesMax");
        requirePositive(dedupTtlMs, "dedupTtlMs");
        requirePositive(gossipHopsMax, "gossipHopsMax");
        requirePositive(reconnectDelayMsMin, "reconnectDelayMsMin");
        if (reconnectDelayMsMax < reconnectDelayMsMin) {
            throw new IllegalArgumentException("reconnectDelayMsMax must be >= reconnectDelayMsMin");
        }
        if (banScoreMin >= 0) {
            throw new IllegalArgumentException("banScoreMin must be negative, got " + banScoreMin);
        }
        requirePositive(banDurationMs, "banDurationMs");
        requirePositive(connectionsMax, "connectionsMax");
    }

    public static NetLimits defaults() {
        return new NetLimits(FRAME_BYTES_MAX, 10_000, 1L << 20, 1L << 30, 4_096, 64L << 20,
                100_000, 600_000, 8, 100, 30_000, -100, 600_000, 256);
    }

    /** The largest plaintext a frame can carry. */
    public int plaintextBytesMax() {
        return frameBytesMax - ChaChaPoly.TAG_BYTES;
    }

    /** The largest message payload that fits one frame with its envelope header. */
    public int payloadBytesMax() {
        return plaintextBytesMax() - FrameBatch.RECORD_PREFIX_BYTES - Envelope.HEADER_BYTES_MAX;
    }

    public NetLimits withFrameBytesMax(int value) {
        return new NetLimits(value, handshakeTimeoutMs, rekeyFramesMax, rekeyBytesMax, outboundQueueFramesMax,
                outboundQueueBytesMax, dedupEntriesMax, dedupTtlMs, gossipHopsMax, reconnectDelayMsMin,
                reconnectDelayMsMax, banScoreMin, banDurationMs, connectionsMax);
    }

    public NetLimits withRekey(long framesMax, long bytesMax) {
        return new NetLimits(frameBytesMax, handshakeTimeoutMs, framesMax, bytesMax, outboundQueueFramesMax,
                outboundQueueBytesMax, dedupEntriesMax, dedupTtlMs, gossipHopsMax, reconnectDelayMsMin,
                reconnectDelayMsMax, banScoreMin, banDurationMs, connectionsMax);
    }

    public NetLimits withOutboundQueue(int framesMax, long bytesMax) {
        return new NetLimits(frameBytesMax, handshakeTimeoutMs, rekeyFramesMax, rekeyBytesMax, framesMax,
                bytesMax, dedupEntriesMax, dedupTtlMs, gossipHopsMax, reconnectDelayMsMin,
                reconnectDelayMsMax, banScoreMin, banDurationMs, connectionsMax);
    }

    public NetLimits withHandshakeTimeoutMs(long value) {
        return new NetLimits(frameBytesMax, value, rekeyFramesMax, rekeyBytesMax, outboundQueueFramesMax,
                outboundQueueBytesMax, dedupEntriesMax, dedupTtlMs, gossipHopsMax, reconnectDelayMsMin,
                reconnectDelayMsMax, banScoreMin, banDurationMs, connectionsMax);
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}

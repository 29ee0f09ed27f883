package dev.metanode.core.log;

/**
 * Receives the perfect-subtree hashes that an append creates, so the caller can persist them and
 * later serve them back through {@link TreeNodes}.
 */
@FunctionalInterface
public interface NodeSink {
    /** Accepts the hash of the perfect subtree at {@code (level, index)}; see {@link TreeNodes#perfect}. */
    void accept(int level, long index, byte[] hash);

    /** A sink that keeps nothing, for callers that only want the root. */
    static NodeSink discard() {
        return (level, index, hash) -> {};
    }
}

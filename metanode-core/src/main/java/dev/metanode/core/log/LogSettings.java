package dev.metanode.core.log;

/**
 * Limits and timings of the stored receipt log.
 *
 * @param appendQueueDepthMax   appends waiting for the writer; beyond it {@code append} fails fast
 * @param groupCommitBatchMax   receipts written with one fsync at most
 * @param checkpointIntervalMs  a new checkpoint at least this often while the log grows
 * @param startupAuditLeavesMax logs up to this size are fully re-hashed at start; larger ones have
 *                              their newest this-many receipts re-hashed and their frontier checked
 */
public record LogSettings(int appendQueueDepthMax, int groupCommitBatchMax, long checkpointIntervalMs,
        long startupAuditLeavesMax) {
    public static final LogSettings DEFAULTS = new LogSettings(65_536, 4_096, 1_000, 1_000_000);

    public LogSettings {
        if (appendQueueDepthMax < 1 || groupCommitBatchMax < 1 || checkpointIntervalMs < 1
                || startupAuditLeavesMax < 0) {
            throw new IllegalArgumentException("log settings must be positive: " + this);
        }
    }
}

package dev.metanode.core.log;

import dev.metanode.core.store.KvStore;
import java.util.Arrays;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up check: re-hashes stored receipts into a fresh tree and compares every leaf and
 * node with what is stored, so a changed byte anywhere refuses to start instead of being served.
 */
final class LogAudit {
    private static final Logger LOG = LoggerFactory.getLogger(LogAudit.class);

    private final KvStore store;
    private final TreeNodes nodes;

    LogAudit(KvStore store) {
        this.store = store;
        this.nodes = new StoredTreeNodes(store);
    }

    /** Checks the log of {@code size} receipts and returns its frontier, ready for appends. */
    CompactRange run(long size, long auditLeavesMax) {
        long start = size <= auditLeavesMax ? 0 : size - auditLeavesMax;
        CompactRange frontier;
        if (start == 0) {
            frontier = rehashAll(size);
        } else {
            LOG.info("receipt log holds {} receipts; re-hashing the newest {}", size, auditLeavesMax);
            frontier = CompactRange.restore(size, nodes);
            checkLeaves(start, size);
        }
        long extra = countFrom(size);
        if (extra > 0) {
            throw new LogCorruptionException("the log's size record says " + size + " receipts but " + extra
                    + " more are stored after it");
        }
        return frontier;
    }

    private CompactRange rehashAll(long size) {
        CompactRange frontier = CompactRange.restore(0, nodes);
        long[] next = {0};
        store.scan(LogColumns.RECEIPTS, 0L, (index, envelope) -> {
            if (index >= size) {
                return false;
            }
            if (index != next[0]) {
                throw new LogCorruptionException("receipt " + next[0] + " is missing from the log");
            }
            frontier.append(MerkleHash.leafHash(envelope), (level, i, hash) -> compare(level, i, hash));
            next[0]++;
            return true;
        });
        if (next[0] != size) {
            throw new LogCorruptionException("the log should hold " + size + " receipts but holds " + next[0]);
        }
        return frontier;
    }

    private void checkLeaves(long from, long size) {
        store.scan(LogColumns.RECEIPTS, from, (index, envelope) -> {
            if (index >= size) {
                return false;
            }
            compare(0, index, MerkleHash.leafHash(envelope));
            return true;
        });
    }

    private void compare(int level, long index, byte[] expected) {
        byte[] stored = nodes.perfect(level, index);
        if (!Arrays.equals(stored, expected)) {
            String what = level == 0 ? "receipt " + index + " does not hash to its stored leaf"
                    : "log node (level " + level + ", index " + index + ") does not match its children";
            throw new LogCorruptionException(what + " (stored " + HexFormat.of().formatHex(stored, 0, 8)
                    + "…, recomputed " + HexFormat.of().formatHex(expected, 0, 8) + "…)");
        }
    }

    private long countFrom(long size) {
        long[] count = {0};
        store.scan(LogColumns.RECEIPTS, size, (index, envelope) -> {
            count[0]++;
            return count[0] < 1_000;
        });
        return count[0];
    }
}

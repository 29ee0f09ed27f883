package dev.metanode.cli.daemon;

import dev.metanode.core.log.CheckpointVerifier;
import dev.metanode.core.log.NoteException;
import dev.metanode.core.log.NoteVerifierKey;
import dev.metanode.core.store.Codecs;
import dev.metanode.core.store.ColumnSpec;
import dev.metanode.core.store.KvStore;
import dev.metanode.core.store.WriteBatch;
import java.util.List;
import java.util.Optional;

/**
 * Which block anchored each of this node's own checkpoints, by tree size, so that a receipt's
 * bundle can lead to a checkpoint a block anchored and carry that block's sealed header. Derived
 * data: written without fsync, and rebuilt from the chain for heights it missed (a crash).
 */
final class AnchorIndex {
    static final ColumnSpec<Long, Long> COLUMN = new ColumnSpec<>("chain_anchors", Codecs.LONG, Codecs.LONG);
    /** The key under which the last indexed height is kept; no tree size reaches it. */
    private static final long INDEXED_THROUGH = Long.MAX_VALUE;

    private final KvStore store;
    private final NoteVerifierKey own;

    AnchorIndex(KvStore store, NoteVerifierKey own) {
        this.store = store;
        this.own = own;
    }

    /** A checkpoint of {@code treeSize} receipts, anchored in the block at {@code height}. */
    record Anchor(long treeSize, long height) {}

    long indexedThrough() {
        return store.get(COLUMN, INDEXED_THROUGH).orElse(0L);
    }

    /** Records the block's anchors that this node signed; other nodes' checkpoints are skipped. */
    synchronized void index(long height, List<String> checkpoints) {
        WriteBatch batch = new WriteBatch();
        for (String note : checkpoints) {
            long size = sizeIfOwn(note);
            // The first block to anchor a checkpoint is the one a bundle names.
            if (size >= 0 && store.get(COLUMN, size).isEmpty()) {
                batch.put(COLUMN, size, height);
            }
        }
        if (height > indexedThrough()) {
            batch.put(COLUMN, INDEXED_THROUGH, height);
        }
        if (!batch.isEmpty()) {
            store.write(batch, false);
        }
    }

    /** The tree size of a checkpoint this node signed, or -1 for another validator's (or a malformed) one. */
    long sizeIfOwn(String note) {
        try {
            return CheckpointVerifier.verify(note, own).size();
        } catch (NoteException | RuntimeException e) {
            return -1;
        }
    }

    /** The smallest anchored checkpoint that contains leaf {@code leafIndex}. */
    Optional<Anchor> covering(long leafIndex) {
        Anchor[] found = new Anchor[1];
        store.scan(COLUMN, leafIndex + 1, (size, height) -> {
            if (size != INDEXED_THROUGH) {
                found[0] = new Anchor(size, height);
            }
            return false;
        });
        return Optional.ofNullable(found[0]);
    }
}

package dev.metanode.core.log;

import dev.metanode.core.store.KvStore;
import dev.metanode.core.store.StoreCorruptionException;

/** {@link TreeNodes} read from the store; a missing or malformed node is corruption, never a default. */
final class StoredTreeNodes implements TreeNodes {
    private final KvStore store;

    StoredTreeNodes(KvStore store) {
        this.store = store;
    }

    @Override
    public byte[] perfect(int level, long index) {
        byte[] hash = store.get(LogColumns.NODES, new LogColumns.NodeId(level, index))
                .orElseThrow(() -> new StoreCorruptionException("log node (level " + level + ", index " + index
                        + ") is missing"));
        if (hash.length != 32) {
            throw new StoreCorruptionException("log node (level " + level + ", index " + index + ") has "
                    + hash.length + " bytes, not 32");
        }
        return hash;
    }
}

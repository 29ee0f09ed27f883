package dev.metanode.consensus.state;

import dev.metanode.core.store.KvStore;
import dev.metanode.core.store.WriteBatch;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * Uncommitted writes over the committed state: a block is executed into an overlay, which is written
 * to the store only if the block becomes final. Overlays nest, so one transaction's writes can be
 * dropped when its handler refuses it. Keys are full state keys (module, 0, key).
 */
public final class StateOverlay {
    private static final byte[] DELETED = new byte[0];

    private final KvStore store;
    private final StateOverlay parent;
    private final TreeMap<byte[], byte[]> writes = new TreeMap<>(Arrays::compareUnsigned);

    public StateOverlay(KvStore store) {
        this(store, null);
    }

    private StateOverlay(KvStore store, StateOverlay parent) {
        this.store = store;
        this.parent = parent;
    }

    public StateOverlay child() {
        return new StateOverlay(store, this);
    }

    public Optional<byte[]> get(byte[] key) {
        byte[] v = writes.get(key);
        if (v != null) {
            return v == DELETED ? Optional.empty() : Optional.of(v.clone());
        }
        return parent != null ? parent.get(key) : store.get(ConsensusColumns.STATE, key);
    }

    public void put(byte[] key, byte[] value) {
        writes.put(key.clone(), value.clone());
    }

    public void delete(byte[] key) {
        writes.put(key.clone(), DELETED);
    }

    /** Moves this overlay's writes into its parent. */
    public void mergeIntoParent() {
        parent.writes.putAll(writes);
        writes.clear();
    }

    /** Every live entry whose key starts with {@code prefix}, merged over the committed state, in key order. */
    public TreeMap<byte[], byte[]> entries(byte[] prefix) {
        TreeMap<byte[], byte[]> merged = parent != null ? parent.entries(prefix) : committed(prefix);
        for (Map.Entry<byte[], byte[]> e : writes.tailMap(prefix, true).entrySet()) {
            if (!startsWith(e.getKey(), prefix)) {
                break;
            }
            if (e.getValue() == DELETED) {
                merged.remove(e.getKey());
            } else {
                merged.put(e.getKey(), e.getValue());
            }
        }
        return merged;
    }

    public void scan(byte[] prefix, BiPredicate<byte[], byte[]> visitor) {
        for (Map.Entry<byte[], byte[]> e : entries(prefix).entrySet()) {
            if (!visitor.test(e.getKey().clone(), e.getValue().clone())) {
                return;
            }
        }
    }

    private TreeMap<byte[], byte[]> committed(byte[] prefix) {
        TreeMap<byte[], byte[]> map = new TreeMap<>(Arrays::compareUnsigned);
        store.scan(ConsensusColumns.STATE, prefix, (k, v) -> {
            if (!startsWith(k, prefix)) {
                return false;
            }
            map.put(k, v);
            return true;
        });
        return map;
    }

    /** This overlay's own writes, in key order: full key to new value, null where deleted. */
    public SortedMap<byte[], byte[]> changes() {
        TreeMap<byte[], byte[]> changes = new TreeMap<>(Arrays::compareUnsigned);
        writes.forEach((k, v) -> changes.put(k, v == DELETED ? null : v));
        return changes;
    }

    /** Adds this (top-level) overlay's writes to {@code batch}. */
    public void writeTo(WriteBatch batch) {
        writes.forEach((k, v) -> {
            if (v == DELETED) {
                batch.delete(ConsensusColumns.STATE, k);
            } else {
                batch.put(ConsensusColumns.STATE, k, v);
            }
        });
    }

    static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }
}

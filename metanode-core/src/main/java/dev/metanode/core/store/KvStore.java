package dev.metanode.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * A typed key-value store with named columns. RocksDB is the real one ({@link RocksKvStore});
 * {@link MemoryKvStore} serves tests. Every write goes through a {@link WriteBatch} so that
 * related changes land atomically, and callers choose when to pay for an fsync.
 */
public interface KvStore extends AutoCloseable {
    <K, V> Optional<V> get(ColumnSpec<K, V> column, K key);

    /**
     * The values of many keys of one column, in the order of {@code keys}: one call where a store
     * can look them up together (RocksDB's MultiGet sorts them and probes each file's filter once
     * for all).
     */
    default <K, V> List<Optional<V>> getAll(ColumnSpec<K, V> column, List<K> keys) {
        List<Optional<V>> values = new ArrayList<>(keys.size());
        for (K key : keys) {
            values.add(get(column, key));
        }
        return values;
    }

    /**
     * Visits entries with key &gt;= from in key order until the visitor returns false.
     * A null {@code from} starts at the first key.
     */
    <K, V> void scan(ColumnSpec<K, V> column, K from, BiPredicate<K, V> visitor);

    /** Visits entries with key &lt;= from in reverse key order; a null {@code from} starts at the last key. */
    <K, V> void scanBackward(ColumnSpec<K, V> column, K from, BiPredicate<K, V> visitor);

    /** Applies the batch atomically; with {@code sync} it is on disk when this returns. */
    void write(WriteBatch batch, boolean sync);

    @Override
    void close();
}

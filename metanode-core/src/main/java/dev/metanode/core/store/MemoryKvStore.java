package dev.metanode.core.store;

import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BiPredicate;

/** An in-memory store with RocksDB's semantics (unsigned byte order, atomic batches) for tests. */
public final class MemoryKvStore implements KvStore {
    private final Map<String, ConcurrentSkipListMap<byte[], byte[]>> columns = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private ConcurrentSkipListMap<byte[], byte[]> column(String name) {
        if (closed) {
            throw new StoreException("store is closed");
        }
        return columns.computeIfAbsent(name, n -> new ConcurrentSkipListMap<>(Arrays::compareUnsigned));
    }

    @Override
    public <K, V> Optional<V> get(ColumnSpec<K, V> spec, K key) {
        byte[] value = column(spec.name()).get(spec.keys().encode(key));
        return value == null ? Optional.empty() : Optional.of(spec.values().decode(value.clone()));
    }

    @Override
    public <K, V> void scan(ColumnSpec<K, V> spec, K from, BiPredicate<K, V> visitor) {
        ConcurrentSkipListMap<byte[], byte[]> map = column(spec.name());
        visit(spec, from == null ? map : map.tailMap(spec.keys().encode(from), true), visitor);
    }

    @Override
    public <K, V> void scanBackward(ColumnSpec<K, V> spec, K from, BiPredicate<K, V> visitor) {
        ConcurrentSkipListMap<byte[], byte[]> map = column(spec.name());
        NavigableMap<byte[], byte[]> view = from == null ? map : map.headMap(spec.keys().encode(from), true);
        visit(spec, view.descendingMap(), visitor);
    }

    private static <K, V> void visit(ColumnSpec<K, V> spec, NavigableMap<byte[], byte[]> view,
            BiPredicate<K, V> visitor) {
        for (Map.Entry<byte[], byte[]> e : view.entrySet()) {
            if (!visitor.test(spec.keys().decode(e.getKey().clone()), spec.values().decode(e.getValue().clone()))) {
                return;
            }
        }
    }

    @Override
    public synchronized void write(WriteBatch batch, boolean sync) {
        for (WriteBatch.Op op : batch.ops()) {
            ConcurrentSkipListMap<byte[], byte[]> map = column(op.column());
            if (op.value() == null) {
                map.remove(op.key());
            } else {
                map.put(op.key().clone(), op.value().clone());
            }
        }
    }

    /** Test hook: overwrite raw stored bytes, as a disk fault or an attacker would. */
    public void putRaw(String column, byte[] key, byte[] value) {
        column(column).put(key.clone(), value.clone());
    }

    @Override
    public void close() {
        closed = true;
    }
}

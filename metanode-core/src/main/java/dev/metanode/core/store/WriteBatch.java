package dev.metanode.core.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Puts and deletes over any columns, applied all together or not at all by {@link KvStore#write}. */
public final class WriteBatch {
    /** One change: value null means delete. */
    public record Op(String column, byte[] key, byte[] value) {}

    private final List<Op> ops = new ArrayList<>();

    public <K, V> WriteBatch put(ColumnSpec<K, V> column, K key, V value) {
        ops.add(new Op(column.name(), column.keys().encode(key), column.values().encode(value)));
        return this;
    }

    public <K, V> WriteBatch delete(ColumnSpec<K, V> column, K key) {
        ops.add(new Op(column.name(), column.keys().encode(key), null));
        return this;
    }

    /** Appends another batch's changes after this one's. */
    public WriteBatch addAll(WriteBatch other) {
        ops.addAll(other.ops);
        return this;
    }

    public List<Op> ops() {
        return Collections.unmodifiableList(ops);
    }

    public boolean isEmpty() {
        return ops.isEmpty();
    }

    public int size() {
        return ops.size();
    }
}

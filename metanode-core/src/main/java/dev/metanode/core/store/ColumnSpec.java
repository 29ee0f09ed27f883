package dev.metanode.core.store;

import java.util.Objects;

/** A named column (a RocksDB column family) with the codecs of its keys and values. */
public record ColumnSpec<K, V>(String name, Codec<K> keys, Codec<V> values) {
    public ColumnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(values, "values");
        if (name.isEmpty() || name.equals("default")) {
            throw new IllegalArgumentException("a column needs its own name, not '" + name + "'");
        }
    }
}

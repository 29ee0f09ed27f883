package dev.metanode.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.Env;
import org.rocksdb.Options;
import org.rocksdb.Priority;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;

/**
 * The RocksDB store: one column family per {@link ColumnSpec}, writes through the WAL,
 * synced writes when the caller asks (group commit is the caller's job: batch, then sync once).
 */
public final class RocksKvStore implements KvStore {
    static {
        RocksDB.loadLibrary();
    }

    /**
     * Memtable memory of all columns together. RocksDB's level-style defaults give every column 128
     * MiB memtables (six of them at most) with a 12.8 MiB memtable filter each: with 17 columns a
     * node's resident memory grew past 800 MiB under load, and every WAL switch zeroed a fresh
     * 12.8 MiB filter per column on the writer's thread (6 % of a validator's consensus thread,
     * measured with async-profiler). A shared budget flushes the biggest column instead.
     */
    static final long MEMTABLES_BYTES_MAX = 64L << 20;
    /** What level-style tuning sizes one column's memtables from (a quarter of it per memtable). */
    static final long COLUMN_MEMTABLE_BUDGET_BYTES = 64L << 20;
    /** Write-ahead log kept before the columns holding its oldest part are flushed. */
    static final long WAL_BYTES_MAX = 64L << 20;
    /** Flushes and compactions sync their files every this many bytes, not in one burst at the end. */
    static final long BACKGROUND_SYNC_BYTES = 1L << 20;

    private final RocksDB db;
    private final DBOptions dbOptions;
    private final ColumnFamilyOptions cfOptions;
    private final BloomFilter filter;
    private final Map<String, ColumnFamilyHandle> handles = new HashMap<>();
    private final List<ColumnFamilyHandle> allHandles;
    private final WriteOptions syncWrite = new WriteOptions().setSync(true);
    private final WriteOptions asyncWrite = new WriteOptions().setSync(false);
    private volatile boolean closed;

    private RocksKvStore(RocksDB db, DBOptions dbOptions, ColumnFamilyOptions cfOptions, BloomFilter filter,
            List<ColumnFamilyDescriptor> descriptors, List<ColumnFamilyHandle> handles) {
        this.db = db;
        this.dbOptions = dbOptions;
        this.cfOptions = cfOptions;
        this.filter = filter;
        this.allHandles = handles;
        for (int i = 0; i < descriptors.size(); i++) {
            this.handles.put(new String(descriptors.get(i).getName(), java.nio.charset.StandardCharsets.UTF_8),
                    handles.get(i));
        }
    }

    /** Opens (creating if needed) a database holding at least the given columns. */
    public static RocksKvStore open(Path dir, Collection<String> columns) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        Set<String> names = new LinkedHashSet<>();
        names.add("default");
        names.addAll(existingColumns(dir));
        names.addAll(columns);
        lowerBackgroundPriorities();
        DBOptions dbOptions = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)
                .setKeepLogFileNum(4).setMaxTotalWalSize(WAL_BYTES_MAX).setDbWriteBufferSize(MEMTABLES_BYTES_MAX)
                .setBytesPerSync(BACKGROUND_SYNC_BYTES);
        BloomFilter filter = new BloomFilter(10, false);
        ColumnFamilyOptions cfOptions = withFilters(new ColumnFamilyOptions()
                .optimizeLevelStyleCompaction(COLUMN_MEMTABLE_BUDGET_BYTES), filter);
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        for (String name : names) {
            descriptors.add(new ColumnFamilyDescriptor(name.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    cfOptions));
        }
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try {
            RocksDB db = RocksDB.open(dbOptions, dir.toString(), descriptors, handles);
            return new RocksKvStore(db, dbOptions, cfOptions, filter, descriptors, handles);
        } catch (RocksDBException e) {
            dbOptions.close();
            cfOptions.close();
            filter.close();
            throw new StoreException("cannot open the database at " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Flushes and compactions run on RocksDB's threads at the lowest CPU and I/O priority: they are
     * deferred work, while the writes of the node's callers wait (a validator's fsync is on the
     * critical path of every block). Four validators on one machine fill their memtables in step and
     * flushed all at once: each such burst stalled the chain for a fifth of a second (RocksDB's LOG
     * beside the blocks' timestamps). Process-wide; idempotent.
     */
    private static void lowerBackgroundPriorities() {
        Env env = Env.getDefault();
        for (Priority pool : new Priority[] {Priority.LOW, Priority.HIGH}) {
            env.lowerThreadPoolCPUPriority(pool);
            env.lowerThreadPoolIOPriority(pool);
        }
    }

    /**
     * Bloom filters on every table file and on the memtables, over whole keys. Most point reads here
     * miss: a new transaction's id in the inclusion index, a new attestation's key in the state.
     * Without filters a miss searches every memtable and binary-searches a block of every level
     * (half of a validator's consensus-thread CPU under load, measured with perf); with them it is
     * a few bit tests. 10 bits per key: ~1 % false positives, ~1.2 bytes per key. The memtable
     * filter takes 2 % of a memtable's bytes, about 16 bits per entry of ~100 bytes.
     */
    private static ColumnFamilyOptions withFilters(ColumnFamilyOptions options, BloomFilter filter) {
        return options.setTableFormatConfig(new BlockBasedTableConfig().setFilterPolicy(filter)
                .setWholeKeyFiltering(true)).setMemtablePrefixBloomSizeRatio(0.02).setMemtableWholeKeyFiltering(true);
    }

    private static List<String> existingColumns(Path dir) {
        if (!Files.exists(dir.resolve("CURRENT"))) {
            return List.of();
        }
        try (Options options = new Options()) {
            List<String> names = new ArrayList<>();
            for (byte[] name : RocksDB.listColumnFamilies(options, dir.toString())) {
                names.add(new String(name, java.nio.charset.StandardCharsets.UTF_8));
            }
            return names;
        } catch (RocksDBException e) {
            throw new StoreException("cannot read the database at " + dir + ": " + e.getMessage(), e);
        }
    }

    private ColumnFamilyHandle handle(String name) {
        if (closed) {
            throw new StoreException("store is closed");
        }
        ColumnFamilyHandle handle = handles.get(name);
        if (handle == null) {
            throw new IllegalArgumentException("column '" + name + "' was not declared when the store was opened");
        }
        return handle;
    }

    @Override
    public <K, V> Optional<V> get(ColumnSpec<K, V> spec, K key) {
        try {
            byte[] value = db.get(handle(spec.name()), spec.keys().encode(key));
            return value == null ? Optional.empty() : Optional.of(spec.values().decode(value));
        } catch (RocksDBException e) {
            throw new StoreException("read from " + spec.name() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public <K, V> List<Optional<V>> getAll(ColumnSpec<K, V> spec, List<K> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        ColumnFamilyHandle handle = handle(spec.name());
        List<ColumnFamilyHandle> handles = java.util.Collections.nCopies(keys.size(), handle);
        List<byte[]> encoded = new ArrayList<>(keys.size());
        for (K key : keys) {
            encoded.add(spec.keys().encode(key));
        }
        try {
            List<byte[]> raw = db.multiGetAsList(handles, encoded);
            List<Optional<V>> values = new ArrayList<>(raw.size());
            for (byte[] value : raw) {
                values.add(value == null ? Optional.empty() : Optional.of(spec.values().decode(value)));
            }
            return values;
        } catch (RocksDBException e) {
            throw new StoreException("read from " + spec.name() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public <K, V> void scan(ColumnSpec<K, V> spec, K from, BiPredicate<K, V> visitor) {
        try (RocksIterator it = db.newIterator(handle(spec.name()))) {
            if (from == null) {
                it.seekToFirst();
            } else {
                it.seek(spec.keys().encode(from));
            }
            for (; it.isValid(); it.next()) {
                if (!visitor.test(spec.keys().decode(it.key()), spec.values().decode(it.value()))) {
                    return;
                }
            }
            checkIterator(it, spec);
        }
    }

    @Override
    public <K, V> void scanBackward(ColumnSpec<K, V> spec, K from, BiPredicate<K, V> visitor) {
        try (RocksIterator it = db.newIterator(handle(spec.name()))) {
            if (from == null) {
                it.seekToLast();
            } else {
                it.seekForPrev(spec.keys().encode(from));
            }
            for (; it.isValid(); it.prev()) {
                if (!visitor.test(spec.keys().decode(it.key()), spec.values().decode(it.value()))) {
                    return;
                }
            }
            checkIterator(it, spec);
        }
    }

    private static void checkIterator(RocksIterator it, ColumnSpec<?, ?> spec) {
        try {
            it.status();
        } catch (RocksDBException e) {
            throw new StoreException("scan of " + spec.name() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void write(WriteBatch batch, boolean sync) {
        if (batch.isEmpty()) {
            return;
        }
        try (org.rocksdb.WriteBatch rocks = new org.rocksdb.WriteBatch()) {
            for (WriteBatch.Op op : inKeyOrder(batch)) {
                if (op.value() == null) {
                    rocks.delete(handle(op.column()), op.key());
                } else {
                    rocks.put(handle(op.column()), op.key(), op.value());
                }
            }
            db.write(sync ? syncWrite : asyncWrite, rocks);
        } catch (RocksDBException e) {
            throw new StoreException("write failed: " + e.getMessage(), e);
        }
    }

    /**
     * The batch's changes by column and key; changes to one key keep their order (a stable sort).
     * A memtable insert starts its skip-list search from where the previous insert ended, so keys in
     * order insert much faster than the random order of hashes (transaction ids, state keys): the
     * inserts were 15 % of a validator's consensus thread.
     */
    private static List<WriteBatch.Op> inKeyOrder(WriteBatch batch) {
        List<WriteBatch.Op> ops = new ArrayList<>(batch.ops());
        ops.sort(OP_ORDER);
        return ops;
    }

    private static final java.util.Comparator<WriteBatch.Op> OP_ORDER = java.util.Comparator
            .comparing(WriteBatch.Op::column).thenComparing(WriteBatch.Op::key, java.util.Arrays::compareUnsigned);

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (ColumnFamilyHandle handle : allHandles) {
            handle.close();
        }
        db.close();
        syncWrite.close();
        asyncWrite.close();
        dbOptions.close();
        cfOptions.close();
        filter.close();
    }
}

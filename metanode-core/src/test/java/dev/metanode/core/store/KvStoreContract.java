package dev.metanode.core.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every KvStore must do; run against RocksDB and the in-memory store alike. */
abstract class KvStoreContract {
    static final ColumnSpec<Long, byte[]> A = new ColumnSpec<>("a", Codecs.LONG, Codecs.BYTES);
    static final ColumnSpec<String, Long> B = new ColumnSpec<>("b", Codecs.UTF8, Codecs.LONG);

    abstract KvStore store();

    @Test
    void batchWritesAllColumnsTogether() {
        KvStore store = store();
        store.write(new WriteBatch().put(A, 1L, new byte[] {1}).put(B, "x", 7L), true);
        assertArrayEquals(new byte[] {1}, store.get(A, 1L).orElseThrow());
        assertEquals(7L, store.get(B, "x").orElseThrow());
        store.write(new WriteBatch().delete(A, 1L), false);
        assertTrue(store.get(A, 1L).isEmpty());
    }

    @Test
    void scansInKeyOrderBothWays() {
        KvStore store = store();
        WriteBatch batch = new WriteBatch();
        for (long i = 0; i < 300; i += 3) {
            batch.put(A, i, new byte[] {(byte) i});
        }
        store.write(batch, false);
        List<Long> forward = new ArrayList<>();
        store.scan(A, 10L, (k, v) -> forward.add(k) && forward.size() < 4);
        assertEquals(List.of(12L, 15L, 18L, 21L), forward);
        List<Long> backward = new ArrayList<>();
        store.scanBackward(A, 10L, (k, v) -> backward.add(k) && backward.size() < 3);
        assertEquals(List.of(9L, 6L, 3L), backward);
        List<Long> last = new ArrayList<>();
        store.scanBackward(A, null, (k, v) -> last.add(k) && false);
        assertEquals(List.of(297L), last);
    }

    @Test
    void stringKeysScanByPrefixOrder() {
        KvStore store = store();
        store.write(new WriteBatch().put(B, "abc1", 1L).put(B, "abd", 2L).put(B, "abc0", 0L), false);
        List<String> seen = new ArrayList<>();
        store.scan(B, "abc", (k, v) -> k.startsWith("abc") && seen.add(k));
        assertEquals(List.of("abc0", "abc1"), seen);
    }
}

package dev.metanode.core.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    void getAllAnswersInTheOrderAskedWithGapsForMissingKeys() {
        KvStore store = store();
        store.write(new WriteBatch().put(B, "m", 1L).put(B, "a", 2L).put(B, "z", 3L), false);
        assertEquals(List.of(Optional.of(3L), Optional.empty(), Optional.of(2L), Optional.of(1L), Optional.of(3L)),
                store.getAll(B, List.of("z", "nope", "a", "m", "z")));
        assertEquals(List.of(), store.getAll(B, List.of()));
    }

    @Test
    void changesToOneKeyInABatchApplyInOrder() {
        KvStore store = store();
        store.write(new WriteBatch().put(B, "k", 1L).put(A, 5L, new byte[] {5}).delete(B, "k").put(B, "k", 3L)
                .put(A, 2L, new byte[] {2}).delete(A, 5L), false);
        assertEquals(3L, store.get(B, "k").orElseThrow());
        assertTrue(store.get(A, 5L).isEmpty());
        assertArrayEquals(new byte[] {2}, store.get(A, 2L).orElseThrow());
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

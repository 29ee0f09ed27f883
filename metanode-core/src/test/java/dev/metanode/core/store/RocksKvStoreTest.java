package dev.metanode.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksKvStoreTest extends KvStoreContract {
    @TempDir
    Path dir;
    private RocksKvStore store;

    @Override
    KvStore store() {
        store = RocksKvStore.open(dir.resolve("db"), List.of("a", "b"));
        return store;
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void dataSurvivesReopenAndColumnsAreRemembered() {
        store().write(new WriteBatch().put(B, "k", 42L), true);
        store.close();
        store = RocksKvStore.open(dir.resolve("db"), List.of());
        assertEquals(42L, store.get(B, "k").orElseThrow());
    }

    @Test
    void undeclaredColumnIsAProgrammerError() {
        ColumnSpec<String, Long> other = new ColumnSpec<>("other", Codecs.UTF8, Codecs.LONG);
        assertThrows(IllegalArgumentException.class, () -> store().get(other, "x"));
    }

    @Test
    void closedStoreRefusesWork() {
        store().close();
        assertThrows(StoreException.class, () -> store.get(B, "x"));
    }
}

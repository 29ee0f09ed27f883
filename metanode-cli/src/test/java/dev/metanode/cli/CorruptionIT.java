package dev.metanode.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.log.LogColumns;
import dev.metanode.core.store.RocksKvStore;
import dev.metanode.core.store.WriteBatch;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A changed byte in the stored log: the node refuses to start, loudly, and says what is wrong. */
class CorruptionIT {
    @TempDir
    Path home;

    @Test
    void aChangedStoredReceiptStopsTheNodeFromStarting() throws Exception {
        MetanodeProcess metanode = new MetanodeProcess(home);
        metanode.ok("start", "--api-port", "0", "--http-port", "0");
        metanode.ok("stop");
        try (RocksKvStore store = RocksKvStore.open(home.resolve("db"), LogColumns.names())) {
            byte[] envelope = store.get(LogColumns.RECEIPTS, 0L).orElseThrow();
            envelope[envelope.length - 5] ^= 0x01;
            store.write(new WriteBatch().put(LogColumns.RECEIPTS, 0L, envelope), true);
        }
        MetanodeProcess.Result refused = metanode.run("start", "--api-port", "0", "--http-port", "0");
        assertEquals(1, refused.exit(), refused.all());
        assertTrue(refused.err().contains("receipt log is corrupted"), refused.all());
        assertTrue(refused.err().contains("receipt 0"), refused.all());
    }
}

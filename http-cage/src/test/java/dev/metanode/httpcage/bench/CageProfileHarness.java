package dev.metanode.httpcage.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.metanode.core.store.RocksKvStore;
import dev.metanode.httpcage.HttpCage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Holds a cage (and nginx with the same backend) up for a profiler or strace:
 * {@code -Dcage.profile.seconds=60}, and {@code -Dcage.profile.notarise=true} for a notarising one
 * (responses unsigned); the ports go to {@code $TMPDIR/cage-profile.ports}. Not a measurement by itself.
 */
@Tag("bench")
class CageProfileHarness {
    @TempDir
    Path dir;

    @Test
    void holdACageUp() throws Exception {
        long seconds = Long.getLong("cage.profile.seconds", 0);
        assumeTrue(seconds > 0, "set -Dcage.profile.seconds to hold a cage up");
        Files.createDirectories(dir.resolve("nginx"));
        boolean notarise = Boolean.getBoolean("cage.profile.notarise");
        try (Nginx nginx = new Nginx(dir.resolve("nginx"), HttpCageBench.IO_THREADS);
             RocksKvStore store = RocksKvStore.open(dir.resolve("db"), java.util.stream.Stream.concat(
                     dev.metanode.core.log.LogColumns.names().stream(), HttpCage.COLUMNS.stream()).toList());
             dev.metanode.core.log.StoredReceiptLog log = notarise ? dev.metanode.core.log.StoredReceiptLog.open(store,
                     dev.metanode.core.testing.TestKeys.key(1), "metanode/bench", dev.metanode.core.kernel.Clock.SYSTEM,
                     dev.metanode.core.log.LogSettings.DEFAULTS) : null) {
            HttpCage plain = HttpCageBench.cage(nginx.backendPort, log, store, notarise, false);
            try {
                Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "cage-profile.ports"),
                        "cage=" + plain.port() + " nginx=" + nginx.proxyPort + " backend=" + nginx.backendPort
                                + " pid=" + ProcessHandle.current().pid() + "\n");
                Thread.sleep(seconds * 1000);
            } finally {
                plain.stop();
            }
        }
    }
}

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
 * Holds a cage without notary (and nginx with the same backend) up for a profiler or strace:
 * {@code -Dcage.profile.seconds=60}; the ports are printed. Not a measurement by itself.
 */
@Tag("bench")
class CageProfileHarness {
    @TempDir
    Path dir;

    @Test
    void holdAPlainCageUp() throws Exception {
        long seconds = Long.getLong("cage.profile.seconds", 0);
        assumeTrue(seconds > 0, "set -Dcage.profile.seconds to hold a cage up");
        Files.createDirectories(dir.resolve("nginx"));
        try (Nginx nginx = new Nginx(dir.resolve("nginx"), HttpCageBench.IO_THREADS);
             RocksKvStore store = RocksKvStore.open(dir.resolve("db"), HttpCage.COLUMNS)) {
            HttpCage plain = HttpCageBench.cage(nginx.backendPort, null, store, false, false);
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

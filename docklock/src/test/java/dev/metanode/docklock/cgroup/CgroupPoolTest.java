package dev.metanode.docklock.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.metanode.core.workload.Limits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cgroups made ahead, on this host's real v1 hierarchies: limits rewritten both ways, nothing left behind. */
class CgroupPoolTest {
    private final ExecutorService maker = Executors.newSingleThreadExecutor();
    private CgroupPool pool;

    @BeforeEach
    void fill() throws Exception {
        Cgroups cgroups = Cgroups.detect();
        assumeTrue(cgroups.mode() == LimitsMode.CGROUP_V1, "this host has no v1 cgroups for the cage");
        pool = new CgroupPool(cgroups, maker);
        awaitReady();
    }

    @AfterEach
    void stop() {
        if (pool != null) {
            pool.close();
        }
        maker.shutdownNow();
    }

    @Test
    void limitsAreRewrittenUpAndDownFromTheDefaults() throws Exception {
        Limits bigger = Limits.DEFAULT.withMemoryBytesMax(1L << 30).withPidsMax(7).withCpus(0.5);
        Limits smaller = Limits.DEFAULT.withMemoryBytesMax(32L << 20).withPidsMax(200).withCpus(0);
        try (CageCgroup up = pool.take(bigger).orElseThrow()) {
            Path memory = dir(up, 0);
            // memory+swap is raised before memory, or the kernel refuses memory above it
            assertEquals(1L << 30, read(memory, "memory.limit_in_bytes"));
            assertEquals(1L << 30, read(memory, "memory.memsw.limit_in_bytes"));
            assertEquals("7", Files.readString(dir(up, 1).resolve("pids.max")).trim());
            assertEquals(50_000, read(dir(up, 2), "cpu.cfs_quota_us"));
        }
        awaitReady();
        try (CageCgroup down = pool.take(smaller).orElseThrow()) {
            Path memory = dir(down, 0);
            assertEquals(32L << 20, read(memory, "memory.limit_in_bytes"));
            assertEquals(32L << 20, read(memory, "memory.memsw.limit_in_bytes"));
            assertEquals("200", Files.readString(dir(down, 1).resolve("pids.max")).trim());
            assertEquals(-1, read(dir(down, 2), "cpu.cfs_quota_us"));
        }
    }

    @Test
    void takenCgroupsAreFreshAndNothingIsLeftAfterClose() throws Exception {
        List<Path> seen = new ArrayList<>();
        for (int i = 0; i < 2 * CgroupPool.READY_MAX + 1; i++) { // past the ready ones: some made inline
            try (CageCgroup c = pool.take(Limits.DEFAULT).orElseThrow()) {
                Path memory = dir(c, 0);
                assertFalse(seen.contains(memory), "never reused: " + memory);
                seen.add(memory);
                assertEquals(0, read(memory, "memory.max_usage_in_bytes"));
                assertEquals(256L << 20, read(memory, "memory.limit_in_bytes"));
            }
            assertFalse(Files.exists(seen.get(i)), "removed after its run");
        }
        awaitReady();
        List<Path> readyDirs = new ArrayList<>();
        for (CageCgroup c : pool.readyCgroups()) {
            for (int i = 0; i < c.joinFiles().size(); i++) {
                readyDirs.add(dir(c, i));
            }
        }
        for (Path dir : readyDirs) {
            assertTrue(Files.isDirectory(dir), dir.toString());
        }
        pool.close();
        for (Path dir : readyDirs) {
            assertFalse(Files.exists(dir), "removed by close: " + dir);
        }
    }

    private void awaitReady() throws InterruptedException {
        for (int i = 0; i < 500 && pool.readyCount() < CgroupPool.READY_MAX; i++) {
            Thread.sleep(10);
        }
        assertEquals(CgroupPool.READY_MAX, pool.readyCount());
    }

    private static Path dir(CageCgroup cgroup, int index) {
        return Path.of(cgroup.joinFiles().get(index)).getParent();
    }

    private static long read(Path dir, String file) throws Exception {
        return Long.parseLong(Files.readString(dir.resolve(file)).trim());
    }
}

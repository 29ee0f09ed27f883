package dev.metanode.docklock.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cleanup a node runs at start on this host's real v1 cgroups: the cgroups of a dead node's
 * cages go, those of a live node and those still holding a process stay.
 */
class StaleCgroupsTest {
    private static final Path ROOT = Path.of("/sys/fs/cgroup");

    @Test
    void cgroupsOfDeadNodesAreRemovedAtStart() throws Exception {
        Cgroups cgroups = Cgroups.detect();
        assumeTrue(cgroups.mode() == LimitsMode.CGROUP_V1, "this host has no v1 cgroups for the cage");
        // Above PID_MAX_LIMIT (4 Mi on 64-bit), the ceiling of any pid_max: a node that is certainly gone.
        long dead = (1L << 22) + 1;
        String ns = Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString().replaceAll("\\D", "");
        String deadNode = "run-" + ns + "-" + dead + "-";
        List<Path> stale = List.of(parent("memory").resolve(deadNode + "1"), parent("pids").resolve(deadNode + "1"));
        Path live = Files.createDirectories(parent("memory").resolve(Cgroups.runName(999_999)));
        Path busy = Files.createDirectories(parent("pids").resolve(deadNode + "2"));
        // A dead pid of another pid namespace: its node may be alive there, so it is not ours to judge.
        Path foreign = Files.createDirectories(parent("pids").resolve("run-1-" + dead + "-1"));
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            for (Path dir : stale) {
                Files.createDirectories(dir);
            }
            Files.writeString(busy.resolve("cgroup.procs"), Long.toString(sleeper.pid()));
            int removed = cgroups.removeStale();
            assertTrue(removed >= 2, "removed " + removed);
            for (Path dir : stale) {
                assertFalse(Files.exists(dir), dir + " should be gone");
            }
            assertTrue(Files.exists(live), "a live node's cgroup stays");
            assertTrue(Files.exists(busy), "a cgroup holding a process stays");
            assertTrue(Files.exists(foreign), "another pid namespace's cgroup stays");
        } finally {
            sleeper.destroyForcibly().waitFor();
            CgroupFiles.remove(live);
            CgroupFiles.remove(busy);
            CgroupFiles.remove(foreign);
        }
        assertEquals(0, cgroups.removeStale());
    }

    /** This process's docklock parent in a v1 controller. */
    private static Path parent(String controller) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
            String[] parts = line.split(":", 3);
            if (List.of(parts[1].split(",")).contains(controller)) {
                return ROOT.resolve(controller).resolve(parts[2].substring(1)).resolve("docklock");
            }
        }
        throw new AssertionError("no " + controller + " line in /proc/self/cgroup");
    }
}

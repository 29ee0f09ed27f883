package dev.metanode.docklock.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.workload.Limits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mode detection and limit files on fake cgroup trees (the real host is covered by the cage tests). */
class CgroupsTest {
    @TempDir
    Path root;

    private Path selfCgroup(String text) throws Exception {
        Path file = root.resolve("self-cgroup");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void delegatedV2IsPreferred() throws Exception {
        Path fs = Files.createDirectories(root.resolve("fs"));
        Path own = Files.createDirectories(fs.resolve("node.slice/metanode.service"));
        Files.writeString(fs.resolve("cgroup.controllers"), "cpu memory pids\n");
        Files.writeString(own.resolve("cgroup.controllers"), "cpu memory pids\n");
        Files.writeString(own.resolve("cgroup.subtree_control"), "");
        Cgroups cgroups = Cgroups.detect(fs, selfCgroup("0::/node.slice/metanode.service\n"));
        assertEquals(LimitsMode.CGROUP_V2, cgroups.mode());
        Path parent = own.resolve("docklock");
        Files.writeString(parent.resolve("cgroup.subtree_control"), "");
        CageCgroup cage = cgroups.create("run-1", Limits.DEFAULT.withMemoryBytesMax(1 << 20).withPidsMax(7).withCpus(0.5)).orElseThrow();
        Path dir = parent.resolve("run-1");
        assertEquals("1048576", Files.readString(dir.resolve("memory.max")));
        assertEquals("7", Files.readString(dir.resolve("pids.max")));
        assertEquals(dir.resolve("cgroup.procs").toString(), cage.joinFiles().get(0));
        Files.writeString(dir.resolve("memory.events"), "low 0\nhigh 0\nmax 3\noom 1\noom_kill 2\n");
        Files.writeString(dir.resolve("pids.events"), "max 5\n");
        assertEquals(2, cage.read().oomKills());
        assertEquals(5, cage.read().pidsLimitHits());
    }

    @Test
    void v1ControllersWhenV2IsEmpty() throws Exception {
        Path fs = Files.createDirectories(root.resolve("fs"));
        Files.createDirectories(fs.resolve("unified"));
        Files.writeString(fs.resolve("unified/cgroup.controllers"), "\n");
        for (String c : new String[] {"memory", "pids", "cpu"}) {
            Files.createDirectories(fs.resolve(c).resolve("box"));
        }
        Cgroups cgroups = Cgroups.detect(fs, selfCgroup("4:memory:/box\n8:pids:/box\n1:cpu,cpuacct:/box\n0::/\n"));
        assertEquals(LimitsMode.CGROUP_V1, cgroups.mode());
        CageCgroup cage = cgroups.create("run-2", Limits.DEFAULT.withMemoryBytesMax(4096).withPidsMax(3).withCpus(2)).orElseThrow();
        assertEquals("4096", Files.readString(fs.resolve("memory/box/docklock/run-2/memory.limit_in_bytes")));
        assertEquals("3", Files.readString(fs.resolve("pids/box/docklock/run-2/pids.max")));
        assertEquals("200000", Files.readString(fs.resolve("cpu/box/docklock/run-2/cpu.cfs_quota_us")));
        // v1 joins through "tasks": a one-thread process moving itself skips the global threadgroup rwsem.
        assertEquals(List.of(fs.resolve("memory/box/docklock/run-2/tasks").toString(), fs.resolve("pids/box/docklock/run-2/tasks").toString(),
                fs.resolve("cpu/box/docklock/run-2/tasks").toString()), cage.joinFiles());
    }

    @Test
    void nothingUsableMeansRlimitsOnly() throws Exception {
        Path fs = Files.createDirectories(root.resolve("empty"));
        Cgroups cgroups = Cgroups.detect(fs, selfCgroup("0::/\n"));
        assertEquals(LimitsMode.RLIMITS_ONLY, cgroups.mode());
        assertTrue(cgroups.create("x", Limits.DEFAULT).isEmpty());
        assertEquals("rlimits-only", cgroups.mode().wireName());
    }
}

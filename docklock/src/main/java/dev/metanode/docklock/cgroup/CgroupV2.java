package dev.metanode.docklock.cgroup;

import dev.metanode.core.workload.Limits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A cage's cgroup in a delegated cgroup v2 subtree. */
final class CgroupV2 implements CageCgroup {
    static final long CPU_PERIOD_MICROS = 100_000;

    private final Path dir;

    private CgroupV2(Path dir) {
        this.dir = dir;
    }

    static CgroupV2 create(Path parent, String name, Limits limits) {
        Path dir = parent.resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create cgroup " + dir, e);
        }
        CgroupV2 group = new CgroupV2(dir);
        try {
            CgroupFiles.write(dir.resolve("memory.max"), Long.toString(limits.memoryBytesMax()));
            if (Files.exists(dir.resolve("memory.swap.max"))) {
                CgroupFiles.write(dir.resolve("memory.swap.max"), "0");
            }
            CgroupFiles.write(dir.resolve("pids.max"), Integer.toString(limits.pidsMax()));
            if (limits.cpus() > 0 && Files.exists(dir.resolve("cpu.max"))) {
                long quota = Math.max(1000, Math.round(limits.cpus() * CPU_PERIOD_MICROS));
                CgroupFiles.write(dir.resolve("cpu.max"), quota + " " + CPU_PERIOD_MICROS);
            }
        } catch (RuntimeException e) {
            group.close();
            throw e;
        }
        return group;
    }

    @Override
    public List<String> joinFiles() {
        return List.of(dir.resolve("cgroup.procs").toString());
    }

    @Override
    public CgroupReading read() {
        return new CgroupReading(CgroupFiles.readLong(dir.resolve("memory.peak")),
                CgroupFiles.readKey(dir.resolve("memory.events"), "oom_kill"),
                CgroupFiles.readKey(dir.resolve("pids.events"), "max"));
    }

    @Override
    public void close() {
        CgroupFiles.remove(dir);
    }
}

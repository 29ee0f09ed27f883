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
            if (Files.exists(dir.resolve("memory.swap.max"))) {
                CgroupFiles.write(dir.resolve("memory.swap.max"), "0");
            }
            group.rewriteLimits(null, limits);
        } catch (RuntimeException e) {
            group.close();
            throw e;
        }
        return group;
    }

    /** Writes the limits of {@code wanted} that differ from {@code written} (all when it is null). */
    @Override
    public void rewriteLimits(Limits written, Limits wanted) {
        if (written == null || written.memoryBytesMax() != wanted.memoryBytesMax()) {
            CgroupFiles.write(dir.resolve("memory.max"), Long.toString(wanted.memoryBytesMax()));
        }
        if (written == null || written.pidsMax() != wanted.pidsMax()) {
            CgroupFiles.write(dir.resolve("pids.max"), Integer.toString(wanted.pidsMax()));
        }
        if ((written == null || written.cpus() != wanted.cpus()) && Files.exists(dir.resolve("cpu.max"))) {
            if (wanted.cpus() > 0) {
                long quota = Math.max(1000, Math.round(wanted.cpus() * CPU_PERIOD_MICROS));
                CgroupFiles.write(dir.resolve("cpu.max"), quota + " " + CPU_PERIOD_MICROS);
            } else if (written != null) {
                CgroupFiles.write(dir.resolve("cpu.max"), "max " + CPU_PERIOD_MICROS);
            }
        }
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

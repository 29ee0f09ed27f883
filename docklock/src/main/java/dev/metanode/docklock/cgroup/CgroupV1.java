package dev.metanode.docklock.cgroup;

import dev.metanode.core.workload.Limits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A cage's cgroups in the v1 memory, pids and cpu hierarchies. */
final class CgroupV1 implements CageCgroup {
    static final long CPU_PERIOD_MICROS = 100_000;

    private final Path memory;
    private final Path pids;
    private final Path cpu;

    private CgroupV1(Path memory, Path pids, Path cpu) {
        this.memory = memory;
        this.pids = pids;
        this.cpu = cpu;
    }

    /** Creates the cage's directories under each controller's parent and writes the limits. */
    static CgroupV1 create(Path memoryParent, Path pidsParent, Path cpuParent, String name, Limits limits) {
        Path memory = mkdir(memoryParent.resolve(name));
        Path pids = mkdir(pidsParent.resolve(name));
        Path cpu = cpuParent == null ? null : mkdir(cpuParent.resolve(name));
        CgroupV1 group = new CgroupV1(memory, pids, cpu);
        try {
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
            Path limit = memory.resolve("memory.limit_in_bytes");
            Path withSwap = memory.resolve("memory.memsw.limit_in_bytes");
            String bytes = Long.toString(wanted.memoryBytesMax());
            // memory+swap may never be below memory: raise it first, lower it last.
            boolean raising = written != null && wanted.memoryBytesMax() > written.memoryBytesMax();
            boolean swapAccounted = Files.exists(withSwap);
            if (raising && swapAccounted) {
                CgroupFiles.write(withSwap, bytes);
            }
            CgroupFiles.write(limit, bytes);
            if (!raising && swapAccounted) {
                CgroupFiles.write(withSwap, bytes);
            }
        }
        if (written == null || written.pidsMax() != wanted.pidsMax()) {
            CgroupFiles.write(pids.resolve("pids.max"), Integer.toString(wanted.pidsMax()));
        }
        if (cpu != null && (written == null || written.cpus() != wanted.cpus())) {
            if (wanted.cpus() > 0) {
                CgroupFiles.write(cpu.resolve("cpu.cfs_period_us"), Long.toString(CPU_PERIOD_MICROS));
                CgroupFiles.write(cpu.resolve("cpu.cfs_quota_us"), Long.toString(Math.max(1000,
                        Math.round(wanted.cpus() * CPU_PERIOD_MICROS))));
            } else if (written != null) {
                CgroupFiles.write(cpu.resolve("cpu.cfs_quota_us"), "-1");
            }
        }
    }

    private static Path mkdir(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create cgroup " + dir, e);
        }
    }

    /**
     * The {@code tasks} files, not {@code cgroup.procs}. Writing "0" to {@code cgroup.procs} takes the
     * kernel's global {@code cgroup_threadgroup_rwsem} for writing, whose RCU sync first waits for a
     * grace period (0.1 ms idle, 4-10 ms on a loaded machine) unless another migration ran moments
     * before. A thread moving only itself through {@code tasks} skips that lock (kernel 6.0+,
     * {@code cgroup_procs_write_start}), and the setup child is a process of one thread (CLONE_VM
     * without CLONE_THREAD), so moving its only thread moves the whole process: 0.2 ms instead of 10.
     */
    @Override
    public List<String> joinFiles() {
        return cpu == null
                ? List.of(memory.resolve("tasks").toString(), pids.resolve("tasks").toString())
                : List.of(memory.resolve("tasks").toString(), pids.resolve("tasks").toString(),
                        cpu.resolve("tasks").toString());
    }

    @Override
    public CgroupReading read() {
        return new CgroupReading(CgroupFiles.readLong(memory.resolve("memory.max_usage_in_bytes")),
                CgroupFiles.readKey(memory.resolve("memory.oom_control"), "oom_kill"),
                CgroupFiles.readKey(pids.resolve("pids.events"), "max"));
    }

    @Override
    public void close() {
        CgroupFiles.remove(memory);
        CgroupFiles.remove(pids);
        if (cpu != null) {
            CgroupFiles.remove(cpu);
        }
    }
}

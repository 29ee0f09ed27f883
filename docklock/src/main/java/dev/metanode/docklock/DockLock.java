package dev.metanode.docklock;

import dev.metanode.core.receipt.ReceiptDraft;
import dev.metanode.core.workload.OutputListener;
import dev.metanode.core.workload.ReplayResult;
import dev.metanode.core.workload.RunResult;
import dev.metanode.core.workload.RunSpec;
import dev.metanode.core.workload.RunningWorkload;
import dev.metanode.core.workload.RuntimeStatus;
import dev.metanode.core.workload.WorkloadException;
import dev.metanode.core.workload.WorkloadRuntime;
import dev.metanode.docklock.cgroup.CageCgroup;
import dev.metanode.docklock.cgroup.CgroupPool;
import dev.metanode.docklock.cgroup.Cgroups;
import dev.metanode.docklock.cgroup.LimitsMode;
import dev.metanode.docklock.internal.CageSetupException;
import dev.metanode.docklock.internal.LaunchPlan;
import dev.metanode.docklock.internal.NativeCage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * The DockLock cage as a {@link WorkloadRuntime}. One instance per node; it is thread-safe.
 *
 * <pre>
 * DockLock cage = DockLock.create(CageConfig.defaults());
 * RunResult r = cage.run(RunSpec.builder("/bin/echo", "hi").build());
 * </pre>
 */
public final class DockLock implements WorkloadRuntime, AutoCloseable {
    private final CageConfig config;
    private final Cgroups cgroups;
    private final RunPreparer preparer;
    private final ResultAssembler assembler;
    private final CageThreads threads = new CageThreads();
    private final CgroupPool cgroupPool;
    private final boolean userNamespace;

    private DockLock(CageConfig config, Cgroups cgroups, long euid, long egid) {
        this.config = config;
        this.cgroups = cgroups;
        this.userNamespace = euid != 0;
        this.preparer = new RunPreparer(config, cgroups.mode(), euid, egid);
        this.assembler = new ResultAssembler(cgroups.mode());
        this.cgroupPool = new CgroupPool(cgroups, threads.cgroupMaker);
    }

    /**
     * Loads the native part, detects the cgroup mode, removes the cgroups of dead nodes' cages and
     * prepares the state directory. Fails with
     * one clear {@link WorkloadException} on a host that cannot run cages (not Linux x86_64).
     */
    public static DockLock create(CageConfig config) {
        String os = System.getProperty("os.name", "") + "/" + System.getProperty("os.arch", "");
        if (!os.equals("Linux/amd64")) {
            throw new WorkloadException("the DockLock cage needs Linux on x86_64; this is " + os);
        }
        try {
            NativeCage.ensureLoaded();
            Files.createDirectories(config.stateDir());
        } catch (IOException | LinkageError | RuntimeException e) {
            throw new WorkloadException("cannot set up the DockLock cage: " + e.getMessage(), e);
        }
        long[] ids = effectiveIds();
        Cgroups cgroups = config.useCgroups() ? Cgroups.detect() : Cgroups.rlimitsOnly();
        cgroups.removeStale();
        return new DockLock(config, cgroups, ids[0], ids[1]);
    }

    /** {@link #create(CageConfig)} with {@link CageConfig#defaults()}. */
    public static DockLock create() {
        return create(CageConfig.defaults());
    }

    /** How limits are enforced here: {@code cgroup-v2}, {@code cgroup-v1} or {@code rlimits-only}. */
    public LimitsMode limitsMode() {
        return cgroups.mode();
    }

    /**
     * Runs on the calling thread: it clones the cage (safe, since it outlives the cage by waiting
     * for it), drains the output and waits, so a short run costs no thread hand-offs.
     */
    @Override
    public RunResult run(RunSpec spec) {
        if (Thread.currentThread().isVirtual()) {
            // A virtual thread's carrier may retire while the cage runs, and the cage dies with the
            // thread that cloned it: clone from the spawn thread instead.
            return start(spec, OutputListener.IGNORE).waitFor();
        }
        long startNanos = System.nanoTime();
        PreparedRun prepared = preparer.prepare(spec);
        CageCgroup cgroup = createCgroup(prepared);
        LaunchPlan.Spawned spawned;
        try {
            spawned = prepared.plan().spawn();
        } catch (IOException | RuntimeException e) {
            closeQuietly(cgroup);
            throw failure(spec, e);
        }
        return CagedRun.runHere(prepared, spawned, cgroup, assembler, threads, startNanos);
    }

    /** Clones the cage from the runtime's long-lived spawn thread, so it is not tied to the caller's thread. */
    @Override
    public RunningWorkload start(RunSpec spec, OutputListener listener) {
        long startNanos = System.nanoTime();
        PreparedRun prepared = preparer.prepare(spec);
        CageCgroup cgroup = createCgroup(prepared);
        try {
            LaunchPlan.Spawned spawned = threads.spawner.submit(prepared.plan()::spawn).get();
            return CagedRun.begin(prepared, spawned, cgroup, assembler, threads, startNanos, listener);
        } catch (ExecutionException e) {
            closeQuietly(cgroup);
            throw failure(spec, e.getCause());
        } catch (InterruptedException e) {
            closeQuietly(cgroup);
            Thread.currentThread().interrupt();
            throw new WorkloadException("interrupted while starting the cage", e);
        } catch (RuntimeException e) {
            closeQuietly(cgroup);
            throw e;
        }
    }

    /** Creates the run's cgroup and tells the launch plan to join it. */
    private CageCgroup createCgroup(PreparedRun prepared) {
        CageCgroup cgroup = createCgroup(prepared.spec());
        prepared.plan().cgroupJoinFiles = cgroup == null ? List.of() : cgroup.joinFiles();
        return cgroup;
    }

    private CageCgroup createCgroup(RunSpec spec) {
        try {
            return cgroupPool.take(spec.limits()).orElse(null);
        } catch (RuntimeException e) {
            throw new WorkloadException("cannot create the cage's cgroup: " + e.getMessage(), e);
        }
    }

    private static WorkloadException failure(RunSpec spec, Throwable cause) {
        if (cause instanceof CageSetupException setup) {
            return new WorkloadException(setup.describe(spec.argv().get(0)), setup);
        }
        return new WorkloadException("cannot start the cage: " + cause.getMessage(), cause);
    }

    private static void closeQuietly(CageCgroup cgroup) {
        if (cgroup != null) {
            cgroup.close();
        }
    }

    @Override
    public ReplayResult replay(ReceiptDraft recorded, byte[] stdinIfNotRecorded) {
        Object root = recorded.result().get("witnessRoot");
        if (!(root instanceof String recordedRoot)) {
            throw new WorkloadException("the receipt has no witness root: it is not a DockLock step receipt");
        }
        RunSpec spec;
        try {
            spec = RunSpec.fromRecord(recorded.inputs(), stdinIfNotRecorded);
        } catch (RuntimeException e) {
            throw new WorkloadException("the receipt's inputs do not describe a run: " + e.getMessage(), e);
        }
        Path scratch = null;
        try {
            if (spec.outputDir() != null) {
                // Outputs of the replay go to a fresh directory; the recorded run's files stay as they are.
                scratch = Files.createTempDirectory(config.stateDir(), "replay-");
                spec = spec.toBuilder().outputDir(scratch).build();
            }
            RunResult again = run(spec);
            return new ReplayResult(recordedRoot.equals(again.witnessRoot()), recordedRoot, again.witnessRoot(), again);
        } catch (IOException e) {
            throw new WorkloadException("cannot create a replay directory: " + e.getMessage(), e);
        } finally {
            deleteTree(scratch);
        }
    }

    @Override
    public RuntimeStatus status() {
        List<String> notes = new ArrayList<>();
        notes.add("limits: " + cgroups.describe());
        if (cgroups.mode() == LimitsMode.RLIMITS_ONLY) {
            notes.add("no cgroups: memory is an address-space rlimit, processes a per-user rlimit, no CPU limit");
        }
        return new RuntimeStatus("docklock 0.1 (native, x86_64)", cgroups.mode().wireName(), userNamespace, true, notes);
    }

    /**
     * Removes the cgroups made ahead and stops the runtime's threads; running cages are killed by
     * the kernel when the node exits.
     */
    @Override
    public void close() {
        cgroupPool.close();
        threads.close();
    }

    private static long[] effectiveIds() {
        long uid = -1;
        long gid = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("Uid:")) {
                    uid = Long.parseLong(line.split("\\s+")[2]);
                } else if (line.startsWith("Gid:")) {
                    gid = Long.parseLong(line.split("\\s+")[2]);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new WorkloadException("cannot read this process's user id from /proc/self/status", e);
        }
        return new long[] {uid, gid};
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover scratch directory in the state directory is harmless
        }
    }

    /** For tests and status: the recorded environment of a spec, fixed part included. */
    static Map<String, String> fixedEnvironment() {
        return RunPreparer.FIXED_ENV;
    }
}

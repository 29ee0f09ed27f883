package dev.metanode.docklock;

import dev.metanode.core.workload.ExitStatus;
import dev.metanode.core.workload.OutputListener;
import dev.metanode.core.workload.RunResult;
import dev.metanode.core.workload.RunningWorkload;
import dev.metanode.core.workload.WorkloadException;
import dev.metanode.docklock.cgroup.CageCgroup;
import dev.metanode.docklock.cgroup.CgroupReading;
import dev.metanode.docklock.internal.LaunchPlan;
import dev.metanode.docklock.internal.NativeCage;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One started cage: pumps its pipes, serves its seccomp notifications, enforces its timeout, waits for it. */
final class CagedRun implements RunningWorkload {
    private static final int SIGKILL = 9;
    private static final int SIGTERM = 15;

    private final PreparedRun prepared;
    private final LaunchPlan.Spawned spawned;
    private final CageCgroup cgroup;
    private final ResultAssembler assembler;
    private final CageThreads threads;
    private final long startNanos;
    private final CompletableFuture<RunResult> exit = new CompletableFuture<>();
    private final Object pidfdLock = new Object();
    private boolean pidfdClosed;
    private volatile boolean timedOut;
    private volatile boolean stopped;

    private CagedRun(PreparedRun prepared, LaunchPlan.Spawned spawned, CageCgroup cgroup, ResultAssembler assembler,
            CageThreads threads, long startNanos) {
        this.prepared = prepared;
        this.spawned = spawned;
        this.cgroup = cgroup;
        this.assembler = assembler;
        this.threads = threads;
        this.startNanos = startNanos;
    }

    /** Supervises on the calling thread until the cage has exited; only the notification supervisor runs elsewhere. */
    static RunResult runHere(PreparedRun prepared, LaunchPlan.Spawned spawned, CageCgroup cgroup, ResultAssembler assembler,
            CageThreads threads, long startNanos) {
        CagedRun run = new CagedRun(prepared, spawned, cgroup, assembler, threads, startNanos);
        run.superviseHere(OutputListener.IGNORE);
        return run.waitFor();
    }

    static CagedRun begin(PreparedRun prepared, LaunchPlan.Spawned spawned, CageCgroup cgroup, ResultAssembler assembler,
            CageThreads threads, long startNanos, OutputListener listener) {
        CagedRun run = new CagedRun(prepared, spawned, cgroup, assembler, threads, startNanos);
        run.supervise(listener);
        return run;
    }

    /** Pipe capacity on Linux: standard input up to this size is written without blocking. */
    private static final int STDIN_INLINE_BYTES_MAX = 64 * 1024;

    private void supervise(OutputListener listener) {
        threads.io.submit(() -> superviseHere(listener));
    }

    private void superviseHere(OutputListener listener) {
        long seed = prepared.spec().seed().orElse(0);
        Future<long[]> notifications = spawned.listener() >= 0
                ? threads.io.submit(() -> NativeCage.superviseNotifications(spawned.listener(), seed))
                : CompletableFuture.completedFuture(new long[] {0});
        ScheduledFuture<?> timeout = threads.timers.schedule(this::timeOut,
                prepared.spec().timeout().toMillis(), TimeUnit.MILLISECONDS);
        if (prepared.spec().stdin().length > STDIN_INLINE_BYTES_MAX) {
            threads.io.submit(this::feedStdin);
        } else {
            feedStdin();
        }
        OutputPump pump = new OutputPump(spawned.stdout(), spawned.stderr(), listener,
                prepared.spec().limits().outputBytesMax());
        pump.drain();
        awaitExit(pump, notifications, timeout);
    }

    private void feedStdin() {
        byte[] data = prepared.spec().stdin();
        try {
            for (int off = 0; off < data.length;) {
                off += NativeCage.write(spawned.stdin(), data, off, Math.min(64 * 1024, data.length - off));
            }
        } catch (IOException e) {
            // the program closed its stdin early (EPIPE): that is its business
        } finally {
            NativeCage.close(spawned.stdin());
        }
    }

    private void awaitExit(OutputPump pump, Future<long[]> notifications, ScheduledFuture<?> timeout) {
        try {
            long[] status = NativeCage.waitExit(spawned.pidfd());
            long wallMillis = (System.nanoTime() - startNanos) / 1_000_000;
            timeout.cancel(false);
            closePidfd();
            long[] denials = notifications.get();
            Optional<InitReport> report = InitReport.read(spawned.report());
            CgroupReading reading = cgroup == null ? CgroupReading.NONE : cgroup.read();
            ExitStatus initExit = status[0] >= 0 ? ExitStatus.exited((int) status[0]) : ExitStatus.killed((int) status[1]);
            RunResult result = assembler.assemble(prepared, new ResultAssembler.Observed(
                    report.map(InitReport::exit).orElse(initExit), pump.stdout(), pump.stderr(), report, reading,
                    denials, wallMillis, status, timedOut, stopped));
            if (cgroup != null) {
                cgroup.close();
            }
            exit.complete(result);
        } catch (IOException | ExecutionException | RuntimeException e) {
            closeCgroup();
            exit.completeExceptionally(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeCgroup();
            exit.completeExceptionally(e);
        }
    }

    private void closeCgroup() {
        if (cgroup != null) {
            cgroup.close();
        }
    }

    private void timeOut() {
        timedOut = true;
        signal(SIGKILL);
    }

    private boolean signal(int sig) {
        synchronized (pidfdLock) {
            return !pidfdClosed && NativeCage.signal(spawned.pidfd(), sig);
        }
    }

    private void closePidfd() {
        synchronized (pidfdLock) {
            pidfdClosed = true;
            NativeCage.close(spawned.pidfd());
        }
    }

    @Override
    public long pid() {
        return spawned.pid();
    }

    @Override
    public boolean isAlive() {
        return !exit.isDone();
    }

    @Override
    public CompletableFuture<RunResult> onExit() {
        return exit.copy();
    }

    @Override
    public RunResult waitFor() {
        try {
            return exit.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkloadException("interrupted while waiting for the cage", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the cage's supervision failed", e.getCause());
        }
    }

    @Override
    public Optional<RunResult> waitFor(Duration timeout) {
        try {
            return Optional.of(exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkloadException("interrupted while waiting for the cage", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the cage's supervision failed", e.getCause());
        }
    }

    @Override
    public RunResult stop(Duration grace) {
        if (exit.isDone()) {
            return waitFor();
        }
        stopped = true;
        signal(SIGTERM);
        Optional<RunResult> result = waitFor(grace);
        if (result.isPresent()) {
            return result.get();
        }
        signal(SIGKILL);
        return waitFor();
    }
}

package dev.metanode.docklock.supervise;

import dev.metanode.core.kernel.Clock;
import dev.metanode.core.workload.OutputListener;
import dev.metanode.core.workload.RunResult;
import dev.metanode.core.workload.RunSpec;
import dev.metanode.core.workload.RunningWorkload;
import dev.metanode.core.workload.WorkloadException;
import dev.metanode.core.workload.WorkloadRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one app and restarts it by its {@link RestartPolicy} until stopped or given up. Every run's
 * result is handed to {@code onRun} (the daemon turns each into a step receipt).
 */
public final class Supervisor implements AutoCloseable {
    /** Results kept for {@link #history()}. */
    public static final int HISTORY_MAX = 100;

    private final WorkloadRuntime runtime;
    private final RunSpec spec;
    private final OutputListener output;
    private final Consumer<RunResult> onRun;
    private final RestartBackoff backoff;
    private final ScheduledExecutorService timer;
    private final CompletableFuture<String> finished = new CompletableFuture<>();
    private final List<RunResult> history = new ArrayList<>();
    private RunningWorkload current;
    private boolean stopping;
    private int starts;

    public Supervisor(WorkloadRuntime runtime, RunSpec spec, RestartPolicy policy, Clock clock, OutputListener output,
            Consumer<RunResult> onRun) {
        this.runtime = runtime;
        this.spec = spec;
        this.output = output;
        this.onRun = onRun;
        this.backoff = new RestartBackoff(clock, policy);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "docklock-supervisor");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the app; a setup failure (bad spec) is thrown here, once. */
    public synchronized Supervisor start() {
        launch();
        return this;
    }

    private synchronized void launch() {
        if (stopping) {
            return;
        }
        try {
            current = runtime.start(spec, output);
        } catch (WorkloadException e) {
            if (starts == 0) {
                throw e;
            }
            finish("restart failed: " + e.getMessage());
            return;
        }
        starts++;
        backoff.started();
        RunningWorkload mine = current;
        mine.onExit().whenComplete((result, error) -> exited(mine, result, error));
    }

    private void exited(RunningWorkload which, RunResult result, Throwable error) {
        String finishReason = null;
        synchronized (this) {
            if (which != current) {
                return;
            }
            if (result != null) {
                history.add(result);
                if (history.size() > HISTORY_MAX) {
                    history.remove(0);
                }
            }
            if (error != null) {
                finishReason = "supervision failed: " + error;
            } else if (stopping) {
                finishReason = "stopped";
            } else {
                RestartBackoff.Decision decision = backoff.exited(result.exit());
                if (decision.restart()) {
                    timer.schedule(this::launch, decision.delayMs(), TimeUnit.MILLISECONDS);
                } else {
                    finishReason = decision.reason();
                }
            }
        }
        // The run's result is delivered before finished() completes, so a caller that waited sees them all.
        if (result != null) {
            deliver(result);
        }
        if (finishReason != null) {
            finish(finishReason);
        }
    }

    private void deliver(RunResult result) {
        try {
            onRun.accept(result);
        } catch (RuntimeException e) {
            // a failing callback must not stop the supervision
        }
    }

    private void finish(String reason) {
        finished.complete(reason);
        timer.shutdown();
    }

    /** How many times the app was started. */
    public synchronized int starts() {
        return starts;
    }

    /** The current run, if the app is running or waiting for its restart. */
    public synchronized Optional<RunningWorkload> current() {
        return Optional.ofNullable(current);
    }

    public synchronized List<RunResult> history() {
        return List.copyOf(history);
    }

    /** Completes with the reason once the supervisor has stopped for good. */
    public CompletableFuture<String> finished() {
        return finished.copy();
    }

    /** Stops the app (SIGTERM, then SIGKILL after {@code grace}) and does not restart it. */
    public RunResult stop(Duration grace) {
        RunningWorkload running;
        synchronized (this) {
            stopping = true;
            running = current;
        }
        if (running == null) {
            finish("stopped before start");
            return null;
        }
        if (!running.isAlive()) {
            // Waiting for a restart: nothing runs, and the scheduled launch will see stopping.
            finish("stopped while waiting to restart");
            return running.onExit().getNow(null);
        }
        RunResult result = running.stop(grace);
        finished.join();
        return result;
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }
}

package dev.metanode.core.workload;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A caged program that has been started and may still be running. */
public interface RunningWorkload {

    /** Host process id of the cage's first process (its pid 1). */
    long pid();

    /** True until the cage has exited. */
    boolean isAlive();

    /** Completes with the result once the cage has exited. */
    CompletableFuture<RunResult> onExit();

    /** Waits for the cage to exit and returns its result. */
    RunResult waitFor();

    /** Waits at most {@code timeout}; empty when the cage is still running. */
    Optional<RunResult> waitFor(Duration timeout);

    /**
     * Stops the cage: SIGTERM to the program, then SIGKILL to every process of the cage if it has not
     * exited after {@code grace}. Returns the result; calling it again after exit just returns it.
     */
    RunResult stop(Duration grace);
}

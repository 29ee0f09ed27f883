package dev.metanode.core.workload;

/**
 * The outcome of re-running a recorded step.
 *
 * @param matches      true when the replayed witness root equals the recorded one
 * @param recordedRoot the witness root in the receipt
 * @param replayedRoot the witness root of the new run
 * @param replayed     the new run's result
 */
public record ReplayResult(boolean matches, String recordedRoot, String replayedRoot, RunResult replayed) {}

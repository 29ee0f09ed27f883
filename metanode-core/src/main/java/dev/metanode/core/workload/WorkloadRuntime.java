package dev.metanode.core.workload;

import dev.metanode.core.receipt.ReceiptDraft;

/**
 * Runs programs in a cage. A one-shot {@link #run} waits for the program and returns everything the
 * step receipt needs; {@link #start} hands back a handle for long-running apps.
 *
 * <p>Setup failures the user can fix (a missing program, an app directory that does not exist, an
 * unknown seccomp profile) throw {@link WorkloadException} with one clear sentence. A program that
 * misbehaves inside the cage is not an exception: it ends in a {@link RunResult} whose
 * {@link RunResult#containments()} say what the cage stopped.
 */
public interface WorkloadRuntime {

    /** Runs the spec to completion (or until its timeout) and returns the result with its witness root. */
    RunResult run(RunSpec spec);

    /**
     * Starts the spec and returns at once. Output is handed to {@code listener} as it arrives, from a
     * runtime thread; the listener must not block for long.
     */
    RunningWorkload start(RunSpec spec, OutputListener listener);

    /**
     * Re-runs the spec recorded in a step receipt draft (its {@code inputs}) and compares the
     * witness roots. Standard input the draft only holds a digest of must be supplied again in
     * {@code stdinIfNotRecorded} (empty array otherwise).
     */
    ReplayResult replay(ReceiptDraft recorded, byte[] stdinIfNotRecorded);

    /** What the runtime can enforce on this host, for {@code metanode status}. */
    RuntimeStatus status();
}

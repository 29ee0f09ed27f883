package dev.metanode.core.workload;

/** Receives a running workload's output as it arrives. */
@FunctionalInterface
public interface OutputListener {
    /** A listener that drops everything (the result still keeps the bounded head and digest). */
    OutputListener IGNORE = (channel, bytes) -> { };

    /** Called from a runtime thread with a fresh array the listener may keep. */
    void onOutput(OutputChannel channel, byte[] bytes);
}

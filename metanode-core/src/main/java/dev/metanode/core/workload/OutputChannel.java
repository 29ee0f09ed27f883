package dev.metanode.core.workload;

/** Which output stream bytes came from. */
public enum OutputChannel {
    STDOUT,
    STDERR
}

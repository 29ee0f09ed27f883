package dev.metanode.core.workload;

import java.util.Locale;

/** Why the cage stepped in. */
public enum ContainmentReason {
    /** The run passed its timeout and was killed. */
    TIMEOUT,
    /** The cage reached its memory limit; the kernel's OOM killer ended a process, or an allocation failed. */
    MEMORY_LIMIT,
    /** The cage reached its process limit; a fork or thread creation failed. */
    PIDS_LIMIT,
    /** The private /tmp filled up. */
    TMPFS_FULL,
    /** A system call the seccomp profile forbids was attempted and answered with EPERM. */
    SYSCALL_DENIED,
    /** The program wrote more output than the result keeps; the rest was only digested. */
    OUTPUT_TRUNCATED,
    /** The run was stopped from outside (a stop request). */
    STOPPED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

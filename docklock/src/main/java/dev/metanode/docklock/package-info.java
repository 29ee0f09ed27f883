/**
 * The DockLock cage (not built yet). It will own the WorkloadRuntime implementation: a small JNI native part that creates namespaces, applies rlimits, cgroup limits and a seccomp filter compiled here, and execs the workload; plus the witness log that makes a run replayable. Tracked by the DockLock issue.
 */
package dev.metanode.docklock;

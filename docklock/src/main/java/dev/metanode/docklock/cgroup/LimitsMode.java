package dev.metanode.docklock.cgroup;

/** How the cage enforces its resource limits on this host. */
public enum LimitsMode {
    /** A cgroup v2 subtree delegated to this process: memory, pids and cpu limits, OOM and pids events. */
    CGROUP_V2("cgroup-v2"),
    /** The v1 memory, pids and cpu controllers. */
    CGROUP_V1("cgroup-v1"),
    /** No usable cgroups: RLIMIT_AS for memory, RLIMIT_NPROC for processes (per user), no CPU share. */
    RLIMITS_ONLY("rlimits-only");

    private final String wireName;

    LimitsMode(String wireName) {
        this.wireName = wireName;
    }

    /** {@code cgroup-v2}, {@code cgroup-v1} or {@code rlimits-only}, as {@code metanode status} prints it. */
    public String wireName() {
        return wireName;
    }
}

package dev.metanode.docklock.cgroup;

/**
 * What a cage's cgroup saw, read after the run.
 *
 * @param memoryPeakBytes peak memory use, or -1 when the kernel does not report it
 * @param oomKills        processes the OOM killer ended in this cgroup
 * @param pidsLimitHits   forks refused at the pids limit
 */
public record CgroupReading(long memoryPeakBytes, long oomKills, long pidsLimitHits) {
    public static final CgroupReading NONE = new CgroupReading(-1, 0, 0);
}

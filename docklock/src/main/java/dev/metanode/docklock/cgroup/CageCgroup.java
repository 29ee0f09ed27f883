package dev.metanode.docklock.cgroup;

import dev.metanode.core.workload.Limits;
import java.util.List;

/** The cgroup(s) of one cage; closing removes them. */
public interface CageCgroup extends AutoCloseable {
    /**
     * Files the cage's setup child writes "0" to, joining the cgroup itself before it execs: so the
     * program never runs outside its limits, and everything it forks is born inside them.
     */
    List<String> joinFiles();

    /**
     * Rewrites the limits that differ between what was {@code written} and what is {@code wanted},
     * for a cgroup made ahead of its run (see {@link CgroupPool}); all of them when {@code written} is null.
     */
    void rewriteLimits(Limits written, Limits wanted);

    /** Counters and peaks, read after the run. */
    CgroupReading read();

    @Override
    void close();
}

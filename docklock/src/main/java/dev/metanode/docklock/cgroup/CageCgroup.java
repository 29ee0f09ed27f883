package dev.metanode.docklock.cgroup;

import java.util.List;

/** The cgroup(s) of one cage; closing removes them. */
public interface CageCgroup extends AutoCloseable {
    /**
     * Files the cage's setup child writes "0" to, joining the cgroup itself before it execs: so the
     * program never runs outside its limits, and everything it forks is born inside them.
     */
    List<String> joinFiles();

    /** Counters and peaks, read after the run. */
    CgroupReading read();

    @Override
    void close();
}

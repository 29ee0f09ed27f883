package dev.metanode.docklock.cgroup;

import java.util.List;

/** The cgroup(s) of one cage; closing removes them. */
public interface CageCgroup extends AutoCloseable {
    /** Files the cage's first process writes "0" to, joining the cgroup before it execs. */
    List<String> procFiles();

    /** Counters and peaks, read after the run. */
    CgroupReading read();

    @Override
    void close();
}

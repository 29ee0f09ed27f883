/**
 * Resource limits through cgroups: v2 where this process's cgroup is delegated to it, else the v1
 * memory, pids and cpu controllers, else rlimits only. {@link dev.metanode.docklock.cgroup.Cgroups}
 * detects which and reports it as a {@link dev.metanode.docklock.cgroup.LimitsMode}.
 */
package dev.metanode.docklock.cgroup;

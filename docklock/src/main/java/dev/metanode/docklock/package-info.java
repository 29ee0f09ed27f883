/**
 * The DockLock cage: the {@link dev.metanode.core.workload.WorkloadRuntime} that runs programs in
 * Linux namespaces under a seccomp filter and resource limits, with a witness log per run.
 * Start with {@link dev.metanode.docklock.DockLock#create(CageConfig)}; docs/CAGE.md explains the
 * cage and docs/DETERMINISM.md what a seed makes reproducible.
 */
package dev.metanode.docklock;

/**
 * Keeping long-running apps alive: {@link dev.metanode.docklock.supervise.RestartBackoff} decides
 * whether and when to restart (pure, on an injected clock), {@link dev.metanode.docklock.supervise.Supervisor}
 * does it through any {@link dev.metanode.core.workload.WorkloadRuntime}.
 */
package dev.metanode.docklock.supervise;

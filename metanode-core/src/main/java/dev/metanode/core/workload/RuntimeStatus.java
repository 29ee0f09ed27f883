package dev.metanode.core.workload;

import java.util.List;

/**
 * What a runtime can enforce on this host.
 *
 * @param implementation   e.g. {@code "docklock 0.1 (native)"}
 * @param limitsMode       how limits are enforced: {@code cgroup-v2}, {@code cgroup-v1} or {@code rlimits-only}
 * @param userNamespace    true when cages run in their own user namespace (the node is not root)
 * @param syscallNotify    true when seccomp user notification works (denials recorded, logical clock)
 * @param notes            one line each about anything degraded
 */
public record RuntimeStatus(String implementation, String limitsMode, boolean userNamespace, boolean syscallNotify,
        List<String> notes) {
    public RuntimeStatus {
        notes = List.copyOf(notes);
    }
}

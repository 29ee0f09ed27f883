package dev.metanode.docklock.seccomp;

import java.util.List;

/**
 * One rule: when {@code syscall} is called and every argument condition holds, take {@code action}.
 * A rule without conditions applies to every call not matched by a conditional rule before it.
 */
public record SyscallRule(String syscall, SeccompAction action, List<ArgCondition> conditions) {
    public SyscallRule {
        conditions = List.copyOf(conditions);
    }

    public static SyscallRule of(String syscall, SeccompAction action) {
        return new SyscallRule(syscall, action, List.of());
    }

    public boolean unconditional() {
        return conditions.isEmpty();
    }

    public boolean matches(long[] args) {
        return conditions.stream().allMatch(c -> c.test(args[c.index()]));
    }
}

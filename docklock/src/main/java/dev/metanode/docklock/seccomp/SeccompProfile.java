package dev.metanode.docklock.seccomp;

import dev.metanode.core.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * A seccomp profile: rules in order, and the action for every system call no rule names.
 * Conditional rules of a system call are tried in order; then its unconditional rule, if any; then
 * {@code defaultAction}.
 */
public record SeccompProfile(String name, SeccompAction defaultAction, List<SyscallRule> rules) {
    public SeccompProfile {
        rules = List.copyOf(rules);
        for (SyscallRule rule : rules) {
            if (Syscalls.number(rule.syscall()).isEmpty()) {
                throw new IllegalArgumentException("profile '" + name + "' names '" + rule.syscall()
                        + "', which is not an x86_64 system call");
            }
        }
    }

    /** What the profile decides for a call, without any filter: the reference the compiler is tested against. */
    public SeccompAction decide(String syscall, long[] args) {
        SeccompAction fallback = null;
        for (SyscallRule rule : rules) {
            if (!rule.syscall().equals(syscall)) {
                continue;
            }
            if (rule.unconditional()) {
                if (fallback == null) {
                    fallback = rule.action();
                }
            } else if (rule.matches(args)) {
                return rule.action();
            }
        }
        return fallback != null ? fallback : defaultAction;
    }

    /** SHA-256 over the profile's rules in a stable text form, recorded in receipts. */
    public String digest() {
        StringBuilder sb = new StringBuilder("default ").append(defaultAction).append('\n');
        for (SyscallRule rule : rules) {
            sb.append(rule.syscall()).append(' ').append(rule.action());
            for (ArgCondition c : rule.conditions()) {
                sb.append(' ').append(c.index()).append(':').append(c.op()).append(':')
                        .append(Long.toHexString(c.value())).append(':').append(Long.toHexString(c.mask()));
            }
            sb.append('\n');
        }
        return HexFormat.of().formatHex(Sha256.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }
}

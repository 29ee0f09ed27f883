package dev.metanode.docklock.seccomp;

import dev.metanode.core.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A seccomp profile: rules in order, and the action for every system call no rule names.
 * Conditional rules of a system call are tried in order; then its unconditional rule, if any; then
 * {@code defaultAction}. Immutable; its digest is computed once.
 */
public final class SeccompProfile {
    private final String name;
    private final SeccompAction defaultAction;
    private final List<SyscallRule> rules;
    private final String digest;

    public SeccompProfile(String name, SeccompAction defaultAction, List<SyscallRule> rules) {
        this.name = Objects.requireNonNull(name, "name");
        this.defaultAction = Objects.requireNonNull(defaultAction, "defaultAction");
        this.rules = List.copyOf(rules);
        for (SyscallRule rule : this.rules) {
            if (Syscalls.number(rule.syscall()).isEmpty()) {
                throw new IllegalArgumentException("profile '" + name + "' names '" + rule.syscall()
                        + "', which is not an x86_64 system call");
            }
        }
        this.digest = computeDigest();
    }

    public String name() {
        return name;
    }

    public SeccompAction defaultAction() {
        return defaultAction;
    }

    public List<SyscallRule> rules() {
        return rules;
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

    /** SHA-256 (hex) over the profile's rules in a stable text form, recorded in receipts. */
    public String digest() {
        return digest;
    }

    private String computeDigest() {
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

    @Override
    public String toString() {
        return "SeccompProfile[" + name + ", " + rules.size() + " rules, sha256=" + digest + "]";
    }
}

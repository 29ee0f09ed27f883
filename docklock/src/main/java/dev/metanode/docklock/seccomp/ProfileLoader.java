package dev.metanode.docklock.seccomp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.metanode.core.workload.WorkloadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads seccomp profiles: the built-in {@code default} and {@code deterministic}, or a YAML file.
 *
 * <pre>
 * name: my-profile
 * base: default            # optional: start from a built-in profile or another file
 * defaultAction: enosys    # allow | deny | kill | enosys | eperm | errno:N
 * allow: [read, write]     # unconditional allow rules
 * deny: [mount]            # EPERM, recorded in the run's result
 * remove: [getcpu]         # drop these from the base's lists
 * replaceRules: [socket]   # drop the base's rules for these before adding ours
 * rules:
 *   - syscall: socket
 *     action: allow
 *     args: [{index: 0, op: eq, value: 1}]   # ops: eq ne lt le gt ge masked_eq (with mask)
 * </pre>
 */
public final class ProfileLoader {
    /** Nesting of {@code base:} references, to stop cycles. */
    public static final int BASE_DEPTH_MAX = 4;
    /** Largest profile file read. */
    public static final long PROFILE_BYTES_MAX = 1 << 20;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, SeccompProfile> BUILT_IN = new ConcurrentHashMap<>();

    private ProfileLoader() {}

    /** A built-in profile by name, or a YAML file by path. A bad profile is a {@link WorkloadException}. */
    public static SeccompProfile load(String nameOrPath) {
        return load(nameOrPath, 0);
    }

    private static SeccompProfile load(String nameOrPath, int depth) {
        if (depth > BASE_DEPTH_MAX) {
            throw new WorkloadException("seccomp profile bases nest deeper than " + BASE_DEPTH_MAX + " (a cycle?)");
        }
        if (nameOrPath.equals("default") || nameOrPath.equals("deterministic")) {
            return BUILT_IN.computeIfAbsent(nameOrPath, n -> parse(readBuiltIn(n), n, depth));
        }
        Path path = Path.of(nameOrPath);
        try {
            if (!Files.isRegularFile(path)) {
                throw new WorkloadException("seccomp profile '" + nameOrPath
                        + "' is neither a built-in profile (default, deterministic) nor a file");
            }
            if (Files.size(path) > PROFILE_BYTES_MAX) {
                throw new WorkloadException("seccomp profile " + path + " is larger than " + PROFILE_BYTES_MAX + " bytes");
            }
            return parse(YAML.readTree(path.toFile()), nameOrPath, depth);
        } catch (IOException e) {
            throw new WorkloadException("cannot read seccomp profile " + path + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode readBuiltIn(String name) {
        try (InputStream in = ProfileLoader.class.getResourceAsStream(name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("built-in profile " + name + ".yaml missing from the jar");
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("built-in profile " + name + " unreadable", e);
        }
    }

    private static SeccompProfile parse(JsonNode root, String source, int depth) {
        try {
            return build(root, source, depth);
        } catch (IllegalArgumentException e) {
            throw new WorkloadException("seccomp profile " + source + ": " + e.getMessage(), e);
        }
    }

    private static SeccompProfile build(JsonNode root, String source, int depth) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected a YAML mapping");
        }
        String name = root.path("name").asText(source);
        List<SyscallRule> rules = new ArrayList<>();
        SeccompAction defaultAction = SeccompAction.errno(SeccompAction.ENOSYS);
        if (root.hasNonNull("base")) {
            SeccompProfile base = load(root.get("base").asText(), depth + 1);
            defaultAction = base.defaultAction();
            Set<String> removed = names(root.path("remove"));
            Set<String> replaced = names(root.path("replaceRules"));
            for (SyscallRule rule : base.rules()) {
                if (!removed.contains(rule.syscall()) && !replaced.contains(rule.syscall())) {
                    rules.add(rule);
                }
            }
        }
        if (root.hasNonNull("defaultAction")) {
            defaultAction = SeccompAction.parse(root.get("defaultAction").asText());
        }
        // Conditional rules go before the unconditional ones for the same call, so they are tried first.
        for (JsonNode rule : root.path("rules")) {
            rules.add(rule(rule));
        }
        for (String syscall : names(root.path("allow"))) {
            rules.add(SyscallRule.of(syscall, SeccompAction.ALLOW));
        }
        for (String syscall : names(root.path("deny"))) {
            rules.add(SyscallRule.of(syscall, SeccompAction.DENY));
        }
        return new SeccompProfile(name, defaultAction, rules);
    }

    private static SyscallRule rule(JsonNode node) {
        String syscall = node.path("syscall").asText("");
        if (syscall.isEmpty()) {
            throw new IllegalArgumentException("a rule without 'syscall'");
        }
        SeccompAction action = SeccompAction.parse(node.path("action").asText("allow"));
        List<ArgCondition> conditions = new ArrayList<>();
        for (JsonNode arg : node.path("args")) {
            ArgCondition.Op op = ArgCondition.parseOp(arg.path("op").asText("eq"));
            long value = number(arg.path("value"));
            long mask = arg.has("mask") ? number(arg.get("mask")) : -1L;
            conditions.add(new ArgCondition(arg.path("index").asInt(-1), op, value, mask));
        }
        return new SyscallRule(syscall, action, conditions);
    }

    private static long number(JsonNode node) {
        if (node.isNumber()) {
            return node.asLong();
        }
        String text = node.asText("").trim();
        try {
            return text.startsWith("0x") ? Long.parseUnsignedLong(text.substring(2), 16) : Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number '" + text + "'");
        }
    }

    private static Set<String> names(JsonNode list) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (JsonNode n : list) {
            out.add(n.asText());
        }
        Set<String> unknown = new HashSet<>();
        for (String n : out) {
            if (Syscalls.number(n).isEmpty()) {
                unknown.add(n);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown system calls " + unknown);
        }
        return out;
    }
}

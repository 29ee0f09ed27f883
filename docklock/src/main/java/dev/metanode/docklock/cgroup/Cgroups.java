package dev.metanode.docklock.cgroup;

import dev.metanode.core.workload.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds where this process may create cgroups for its cages and creates them. Cages go in a
 * {@code docklock} child of this process's own cgroup, so they stay inside whatever limits the
 * node itself runs under.
 */
public final class Cgroups {
    private static final String SUBTREE = "docklock";
    /**
     * Cage cgroups are named {@code run-<pid namespace>-<node pid>-<n>}: the pid tells whether their
     * node is gone, but only in our own pid namespace (nodes in other containers may share a v1
     * hierarchy, with pids that mean nothing here).
     */
    private static final Pattern RUN_NAME = Pattern.compile("run-(\\d+)-(\\d+)-\\d+");
    private static final String PID_NAMESPACE = pidNamespace();
    /** Numbers this JVM's cage cgroups: several runtimes in one JVM share the pid in the name. */
    private static final AtomicLong RUNS = new AtomicLong();

    private final LimitsMode mode;
    private final Path v2Parent;
    private final Path memoryParent;
    private final Path pidsParent;
    private final Path cpuParent;
    private final String reason;

    private Cgroups(LimitsMode mode, Path v2Parent, Path memoryParent, Path pidsParent, Path cpuParent, String reason) {
        this.mode = mode;
        this.v2Parent = v2Parent;
        this.memoryParent = memoryParent;
        this.pidsParent = pidsParent;
        this.cpuParent = cpuParent;
        this.reason = reason;
    }

    /** Limits by rlimits only, whatever the host has. */
    public static Cgroups rlimitsOnly() {
        return new Cgroups(LimitsMode.RLIMITS_ONLY, null, null, null, null, "rlimits only, by configuration");
    }

    /** Detects the mode from {@code /sys/fs/cgroup} and {@code /proc/self/cgroup}. */
    public static Cgroups detect() {
        return detect(Path.of("/sys/fs/cgroup"), Path.of("/proc/self/cgroup"));
    }

    static Cgroups detect(Path root, Path selfCgroup) {
        Map<String, String> own = ownPaths(selfCgroup);
        Optional<Cgroups> v2 = tryV2(root, own.get(""));
        if (v2.isPresent()) {
            return v2.get();
        }
        Path memory = v1Parent(root, "memory", own);
        Path pids = v1Parent(root, "pids", own);
        Path cpu = v1Parent(root, "cpu", own);
        if (memory != null && pids != null) {
            return new Cgroups(LimitsMode.CGROUP_V1, null, memory, pids, cpu, "v1 memory, pids"
                    + (cpu != null ? ", cpu" : "") + " controllers");
        }
        return new Cgroups(LimitsMode.RLIMITS_ONLY, null, null, null, null,
                "no writable cgroup v2 subtree or v1 memory and pids controllers");
    }

    /** Lines "id:controllers:/path" by controller; the v2 line has the controller "". */
    private static Map<String, String> ownPaths(Path selfCgroup) {
        Map<String, String> map = new HashMap<>();
        try {
            for (String line : Files.readAllLines(selfCgroup, StandardCharsets.US_ASCII)) {
                String[] parts = line.split(":", 3);
                if (parts.length == 3) {
                    for (String controller : parts[1].split(",")) {
                        map.put(controller, parts[2]);
                    }
                }
            }
        } catch (IOException e) {
            return map;
        }
        return map;
    }

    private static Optional<Cgroups> tryV2(Path root, String ownPath) {
        if (ownPath == null) {
            return Optional.empty();
        }
        for (Path mount : List.of(root, root.resolve("unified"))) {
            if (!Files.exists(mount.resolve("cgroup.controllers"))) {
                continue;
            }
            Path own = mount.resolve(ownPath.substring(1));
            Path parent = own.resolve(SUBTREE);
            try {
                String available = Files.readString(own.resolve("cgroup.controllers"));
                if (!available.contains("memory") || !available.contains("pids")) {
                    continue;
                }
                Files.createDirectories(parent);
                // Controllers must be enabled down to the cages' parent; this fails where our own
                // cgroup still holds processes and is not the root (no delegation).
                CgroupFiles.write(own.resolve("cgroup.subtree_control"), "+memory +pids" + (available.contains("cpu") ? " +cpu" : ""));
                CgroupFiles.write(parent.resolve("cgroup.subtree_control"), "+memory +pids" + (available.contains("cpu") ? " +cpu" : ""));
                return Optional.of(new Cgroups(LimitsMode.CGROUP_V2, parent, null, null, null, "cgroup v2 at " + parent));
            } catch (IOException | RuntimeException e) {
                // not delegated here: fall through to v1 or rlimits
            }
        }
        return Optional.empty();
    }

    private static Path v1Parent(Path root, String controller, Map<String, String> own) {
        Path mount = root.resolve(controller);
        String ownPath = own.get(controller);
        if (ownPath == null || !Files.isDirectory(mount)) {
            return null;
        }
        Path parent = mount.resolve(ownPath.substring(1)).resolve(SUBTREE);
        try {
            Files.createDirectories(parent);
            return Files.isWritable(parent) ? parent : null;
        } catch (IOException e) {
            return null;
        }
    }

    public LimitsMode mode() {
        return mode;
    }

    /** One line on what is in force, for status output. */
    public String describe() {
        return reason;
    }

    /**
     * Removes the cage cgroups a node left behind when it died without closing them (its cages died
     * with it, by their parent-death signal): those named after a process that no longer exists.
     * A cgroup that still holds a process is not removable and stays. Returns how many went.
     */
    public int removeStale() {
        int removed = 0;
        for (Path parent : new Path[] {v2Parent, memoryParent, pidsParent, cpuParent}) {
            if (parent == null) {
                continue;
            }
            try (Stream<Path> children = Files.list(parent)) {
                for (Path child : children.toList()) {
                    Matcher m = RUN_NAME.matcher(child.getFileName().toString());
                    if (m.matches() && m.group(1).equals(PID_NAMESPACE) && !isAlive(m.group(2))
                            && Files.isDirectory(child) && CgroupFiles.removeOnce(child)) {
                        removed++;
                    }
                }
            } catch (IOException e) {
                // an unreadable parent leaves its stale cgroups; creating new ones will tell if it matters
            }
        }
        return removed;
    }

    /** A name no other cage cgroup of this JVM has. */
    static String nextRunName() {
        return runName(RUNS.incrementAndGet());
    }

    /** The name of this node's {@code n}-th cage cgroup. */
    public static String runName(long n) {
        return "run-" + PID_NAMESPACE + "-" + ProcessHandle.current().pid() + "-" + n;
    }

    /** The inode number of this process's pid namespace, "0" when it cannot be read. */
    private static String pidNamespace() {
        try {
            String link = Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString(); // pid:[4026531836]
            return link.replaceAll("\\D", "");
        } catch (IOException | UnsupportedOperationException e) {
            return "0";
        }
    }

    private static boolean isAlive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true; // not ours to judge
        }
    }

    /** Creates the cage's cgroup with these limits; empty in {@link LimitsMode#RLIMITS_ONLY}. */
    public Optional<CageCgroup> create(String name, Limits limits) {
        return switch (mode) {
            case CGROUP_V2 -> Optional.of(CgroupV2.create(v2Parent, name, limits));
            case CGROUP_V1 -> Optional.of(CgroupV1.create(memoryParent, pidsParent, cpuParent, name, limits));
            case RLIMITS_ONLY -> Optional.empty();
        };
    }
}

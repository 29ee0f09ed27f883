package dev.metanode.docklock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Reads which v1 cgroups a host process is in, for tests that check the cage from outside. */
final class HostCgroups {
    static final Path ROOT = Path.of("/sys/fs/cgroup");

    private HostCgroups() {}

    /** Controller name (memory, pids, cpu, ...) to cgroup path, from /proc/PID/cgroup. */
    static Map<String, String> of(long pid) throws IOException {
        return parse(Files.readString(Path.of("/proc/" + pid + "/cgroup")));
    }

    static Map<String, String> parse(String procCgroup) {
        Map<String, String> paths = new HashMap<>();
        for (String line : procCgroup.split("\n")) {
            String[] parts = line.split(":", 3);
            if (parts.length == 3) {
                for (String controller : parts[1].split(",")) {
                    paths.put(controller, parts[2]);
                }
            }
        }
        return paths;
    }

    /** The directory of a controller's cgroup at {@code path} on this host's v1 mounts. */
    static Path dir(String controller, String path) {
        return ROOT.resolve(controller).resolve(path.substring(1));
    }
}

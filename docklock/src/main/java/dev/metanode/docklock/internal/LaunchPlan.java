package dev.metanode.docklock.internal;

import java.io.IOException;
import java.util.List;

/**
 * Everything the native child needs, by name. {@link #spawn} flattens it into the positional
 * arrays whose indices are defined in {@code cage.h}.
 */
public final class LaunchPlan {
    // numbers[] indices, as in cage.h
    private static final int N_FLAGS = 0;
    private static final int N_TMPFS_BYTES = 1;
    private static final int N_SEED = 2;
    private static final int N_UID = 3;
    private static final int N_GID = 4;
    private static final int N_OUTER_UID = 5;
    private static final int N_OUTER_GID = 6;
    private static final int N_RLIMIT_AS = 7;
    private static final int N_RLIMIT_NPROC = 8;
    private static final int N_RLIMIT_NOFILE = 9;
    private static final int N_RLIMIT_CPU = 10;
    private static final int N_URANDOM_BYTES = 11;
    private static final int N_COUNT = 12;
    // strings[] indices
    private static final int S_ROOT_DIR = 0;
    private static final int S_APP_DIR = 1;
    private static final int S_OUT_DIR = 2;
    private static final int S_WORKDIR = 3;
    private static final int S_PRELOAD = 4;
    private static final int S_HOSTNAME = 5;
    private static final int S_CGROUP_JOIN = 6;
    private static final int S_ETC_FILES = 7;
    private static final int S_PASSWD = 8;
    private static final int S_GROUP = 9;
    private static final int S_INIT = 10;
    private static final int S_COUNT = 11;
    // flags
    public static final long F_NEW_USER = 0x1;
    public static final long F_NEW_NET = 0x2;
    public static final long F_DETERMINISTIC = 0x4;
    public static final long F_NOTIFY = 0x8;
    public static final long F_SEEDED_RANDOM = 0x10;

    public List<String> argv = List.of();
    public List<String> env = List.of();
    public String rootDir = "";
    public String appDir = "";
    public String outDir = "";
    public String workdir = "/";
    public String preload = "";
    public String hostname = "docklock";
    public List<String> cgroupJoinFiles = List.of();
    public List<String> etcFiles = List.of();
    public String passwd = "";
    public String group = "";
    public long flags;
    public long tmpfsBytes;
    public long seed;
    public long uid;
    public long gid;
    public long outerUid;
    public long outerGid;
    public long rlimitAddressSpaceBytes;
    public long rlimitProcesses;
    public long rlimitOpenFiles;
    public long rlimitCpuSeconds;
    public long urandomBytes;
    public byte[] bpf = new byte[0];

    /** The fds and pids of a started cage. */
    public record Spawned(long pid, int pidfd, int stdin, int stdout, int stderr, int report, int listener) {}

    public Spawned spawn() throws IOException {
        String[] strings = new String[S_COUNT];
        strings[S_ROOT_DIR] = rootDir;
        strings[S_APP_DIR] = appDir;
        strings[S_OUT_DIR] = outDir;
        strings[S_WORKDIR] = workdir;
        strings[S_PRELOAD] = preload;
        strings[S_HOSTNAME] = hostname;
        strings[S_CGROUP_JOIN] = String.join("\n", cgroupJoinFiles);
        strings[S_ETC_FILES] = String.join("\n", etcFiles);
        strings[S_PASSWD] = passwd;
        strings[S_GROUP] = group;
        strings[S_INIT] = NativeCage.initProgram().toString();
        long[] numbers = new long[N_COUNT];
        numbers[N_FLAGS] = flags;
        numbers[N_TMPFS_BYTES] = tmpfsBytes;
        numbers[N_SEED] = seed;
        numbers[N_UID] = uid;
        numbers[N_GID] = gid;
        numbers[N_OUTER_UID] = outerUid;
        numbers[N_OUTER_GID] = outerGid;
        numbers[N_RLIMIT_AS] = rlimitAddressSpaceBytes;
        numbers[N_RLIMIT_NPROC] = rlimitProcesses;
        numbers[N_RLIMIT_NOFILE] = rlimitOpenFiles;
        numbers[N_RLIMIT_CPU] = rlimitCpuSeconds;
        numbers[N_URANDOM_BYTES] = urandomBytes;
        long[] r = NativeCage.spawn(argv.toArray(String[]::new), env.toArray(String[]::new), strings, numbers, bpf);
        return new Spawned(r[0], (int) r[1], (int) r[2], (int) r[3], (int) r[4], (int) r[5], (int) r[6]);
    }
}

package dev.metanode.docklock;

import dev.metanode.core.crypto.Sha256;
import dev.metanode.core.workload.FileDigest;
import dev.metanode.core.workload.NetworkMode;
import dev.metanode.core.workload.RunSpec;
import dev.metanode.core.workload.WorkloadException;
import dev.metanode.docklock.cgroup.LimitsMode;
import dev.metanode.docklock.internal.LaunchPlan;
import dev.metanode.docklock.internal.NativeCage;
import dev.metanode.docklock.seccomp.ProfileLoader;
import dev.metanode.docklock.seccomp.SeccompCompiler;
import dev.metanode.docklock.seccomp.SeccompProfile;
import dev.metanode.docklock.witness.WitnessLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** Checks a spec, digests its inputs, compiles its filter and fills the launch plan. */
final class RunPreparer {
    /** The environment every caged program starts from; the spec's overrides go on top. */
    static final Map<String, String> FIXED_ENV = Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "HOME", "/tmp",
            "TZ", "UTC", "LANG", "C.UTF-8", "TERM", "dumb");
    static final String PRELOAD_IN_CAGE = "/.docklock/libdlclock.so";
    /** Open files per process in the cage. */
    static final long OPEN_FILES_MAX = 1024;
    /** Declared input files per run. */
    static final int INPUT_FILES_MAX = 10_000;

    private final CageConfig config;
    private final LimitsMode limitsMode;
    private final boolean rootNode;
    private final long euid;
    private final long egid;
    private final Map<String, byte[]> filters = new ConcurrentHashMap<>();
    private volatile Path rootMountPoint;

    RunPreparer(CageConfig config, LimitsMode limitsMode, long euid, long egid) {
        this.config = config;
        this.limitsMode = limitsMode;
        this.rootNode = euid == 0;
        this.euid = euid;
        this.egid = egid;
    }

    PreparedRun prepare(RunSpec spec) {
        Path app = checkDir(spec.appDir(), "app directory");
        Path out = spec.outputDir() == null ? null : outputDir(spec.outputDir());
        SeccompProfile profile = ProfileLoader.load(spec.seccompProfile());
        WitnessLog witness = new WitnessLog();
        String argvSha = sha256(String.join("\0", spec.argv()));
        String stdinSha = HexFormat.of().formatHex(Sha256.digest(spec.stdin()));
        List<String> env = environment(spec);
        witness.add("spec", "argv", argvSha);
        witness.add("spec", "env", sha256(String.join("\0", env)));
        witness.add("spec", "workdir", spec.workdir());
        witness.add("spec", "stdin", stdinSha);
        witness.add("spec", "seed", spec.seed().isPresent() ? Long.toUnsignedString(spec.seed().getAsLong()) : "none");
        witness.add("spec", "seccomp", profile.name() + ":" + profile.digest());
        witness.add("spec", "limits", spec.limits().toRecord().toString().replace(' ', '_'));
        witness.add("spec", "network", spec.network().wireName());
        List<FileDigest> inputs = digestInputs(app, spec.inputFiles());
        for (FileDigest input : inputs) {
            witness.add("input", input.path(), input.sha256());
        }
        LaunchPlan plan = plan(spec, app, out, env, filter(profile, spec));
        return new PreparedRun(spec, plan, witness, profile, argvSha, stdinSha, inputs);
    }

    static List<String> environment(RunSpec spec) {
        Map<String, String> env = new TreeMap<>(FIXED_ENV);
        if (spec.seed().isPresent()) {
            env.put("LD_PRELOAD", PRELOAD_IN_CAGE);
        }
        env.putAll(spec.env());
        List<String> list = new ArrayList<>();
        env.forEach((k, v) -> list.add(k + "=" + v));
        return list;
    }

    private byte[] filter(SeccompProfile profile, RunSpec spec) {
        boolean seeded = spec.seed().isPresent();
        String key = profile.digest() + (seeded ? ":seeded" : ":plain");
        return filters.computeIfAbsent(key, k -> SeccompCompiler.compile(profile, new SeccompCompiler.Options(true, seeded)));
    }

    private LaunchPlan plan(RunSpec spec, Path app, Path out, List<String> env, byte[] bpf) {
        LaunchPlan p = new LaunchPlan();
        p.argv = spec.argv();
        p.env = env;
        p.rootDir = rootMountPoint().toString();
        p.appDir = app == null ? "" : app.toString();
        p.outDir = out == null ? "" : out.toString();
        p.workdir = spec.workdir();
        p.hostname = config.hostname();
        p.etcFiles = spec.network() == NetworkMode.HOST ? withResolvConf(config.etcFiles()) : config.etcFiles();
        p.passwd = "root:x:0:0:root:/root:/bin/sh\napp:x:" + config.cageUid() + ":" + config.cageGid() + ":app:/tmp:/bin/sh\n";
        p.group = "root:x:0:\napp:x:" + config.cageGid() + ":\n";
        p.flags = LaunchPlan.F_NOTIFY;
        if (!rootNode) {
            p.flags |= LaunchPlan.F_NEW_USER;
        }
        if (spec.network() == NetworkMode.NONE) {
            p.flags |= LaunchPlan.F_NEW_NET;
        }
        if (spec.seed().isPresent()) {
            p.flags |= LaunchPlan.F_DETERMINISTIC | LaunchPlan.F_SEEDED_RANDOM;
            p.seed = spec.seed().getAsLong();
            p.preload = NativeCage.preloadLibrary().toString();
        }
        p.tmpfsBytes = spec.limits().tmpfsBytesMax();
        p.uid = config.cageUid();
        p.gid = config.cageGid();
        p.outerUid = euid;
        p.outerGid = egid;
        p.rlimitOpenFiles = OPEN_FILES_MAX;
        if (limitsMode == LimitsMode.RLIMITS_ONLY) {
            p.rlimitAddressSpaceBytes = spec.limits().memoryBytesMax();
            p.rlimitProcesses = spec.limits().pidsMax();
        }
        p.urandomBytes = config.urandomBytes();
        p.bpf = bpf;
        return p;
    }

    private static List<String> withResolvConf(List<String> etc) {
        List<String> list = new ArrayList<>(etc);
        // Only resolv.conf: the cage writes its own /etc/hosts (localhost), which would fail on a
        // read-only mirror of the host's.
        list.add("resolv.conf");
        return list;
    }

    private Path rootMountPoint() {
        Path root = rootMountPoint;
        if (root != null && Files.isDirectory(root)) {
            return root;
        }
        root = config.stateDir().resolve("root");
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new WorkloadException("cannot create the cage's state directory " + root + ": " + e.getMessage(), e);
        }
        rootMountPoint = root;
        return root;
    }

    private static Path checkDir(Path dir, String what) {
        if (dir == null) {
            return null;
        }
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            throw new WorkloadException(what + " " + dir + " does not exist");
        }
        if (!Files.isDirectory(real)) {
            throw new WorkloadException(what + " " + dir + " is not a directory");
        }
        return real;
    }

    private Path outputDir(Path dir) {
        try {
            Files.createDirectories(dir);
            Path real = dir.toRealPath();
            if (rootNode) {
                // The program runs as the cage user, who must be able to write its outputs.
                Files.setAttribute(real, "unix:uid", config.cageUid());
                Files.setAttribute(real, "unix:gid", config.cageGid());
            }
            return real;
        } catch (IOException e) {
            throw new WorkloadException("cannot prepare output directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static List<FileDigest> digestInputs(Path app, List<String> declared) {
        if (declared.size() > INPUT_FILES_MAX) {
            throw new WorkloadException("too many declared input files: " + declared.size() + " (at most " + INPUT_FILES_MAX + ")");
        }
        if (!declared.isEmpty() && app == null) {
            throw new WorkloadException("input files are declared but there is no app directory");
        }
        List<FileDigest> out = new ArrayList<>();
        for (String name : new TreeSet<>(declared)) {
            Path file = app.resolve(name).normalize();
            if (!file.startsWith(app) || !Files.isRegularFile(file)) {
                throw new WorkloadException("declared input file '" + name + "' is not a file in the app directory");
            }
            out.add(digestFile(file, name));
        }
        return out;
    }

    static FileDigest digestFile(Path file, String name) {
        MessageDigest md = Sha256.newDigest();
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
                size += n;
            }
        } catch (IOException e) {
            throw new WorkloadException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new FileDigest(name, size, HexFormat.of().formatHex(md.digest()));
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(Sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}

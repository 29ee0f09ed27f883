package dev.metanode.core.workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * What to run in the cage and under which rules.
 *
 * <p>Inside the cage the program sees: the host's {@code /usr} (and {@code /bin}, {@code /lib*}) and
 * a few {@code /etc} files read-only; {@code appDir} read-only at {@code /app}; {@code outputDir}
 * writable at {@code /out}; a private {@code /tmp} of {@link Limits#tmpfsBytesMax()} bytes; a fresh
 * {@code /proc}; and a minimal {@code /dev}.
 *
 * @param argv           program and arguments; a program without a slash is looked up in the cage's PATH
 * @param env            environment overrides on top of the cage's fixed environment
 * @param appDir         host directory shown read-only at {@code /app}, or null
 * @param outputDir      host directory shown writable at {@code /out}, or null; its files are witnessed after the run
 * @param workdir        working directory inside the cage
 * @param stdin          bytes fed to standard input (the array is not copied; do not change it)
 * @param inputFiles     declared input files, relative to {@code appDir}; digested into the witness before the run
 * @param seed           present for a deterministic run: seeded randomness, a logical clock, no ASLR
 * @param seccompProfile {@code default}, {@code deterministic}, or the path of a YAML profile
 * @param limits         resource limits
 * @param network        which network the program sees
 * @param timeout        wall-clock time after which the cage is killed
 * @param actor          who asked for the run (goes into the step receipt)
 */
public record RunSpec(List<String> argv, Map<String, String> env, Path appDir, Path outputDir, String workdir,
        byte[] stdin, List<String> inputFiles, OptionalLong seed, String seccompProfile, Limits limits,
        NetworkMode network, Duration timeout, String actor) {

    /** Standard input bytes that are recorded in the receipt itself (larger stdin is recorded by digest). */
    public static final int RECORDED_STDIN_BYTES_MAX = 64 * 1024;
    /** Largest standard input the builder reads from a file. */
    public static final long STDIN_FILE_BYTES_MAX = 64L << 20;
    /** Longest timeout a spec may ask for. */
    public static final Duration TIMEOUT_MAX = Duration.ofDays(365);

    public RunSpec {
        argv = List.copyOf(argv);
        if (argv.isEmpty() || argv.get(0).isEmpty()) {
            throw new IllegalArgumentException("argv needs a program to run");
        }
        env = Map.copyOf(new TreeMap<>(env == null ? Map.of() : env));
        for (String key : env.keySet()) {
            if (key.isEmpty() || key.indexOf('=') >= 0 || key.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("bad environment variable name '" + key + "'");
            }
        }
        workdir = workdir == null ? "/app" : workdir;
        if (!workdir.startsWith("/")) {
            throw new IllegalArgumentException("workdir must be an absolute path inside the cage: " + workdir);
        }
        stdin = stdin == null ? new byte[0] : stdin;
        inputFiles = List.copyOf(inputFiles == null ? List.of() : inputFiles);
        seed = seed == null ? OptionalLong.empty() : seed;
        seccompProfile = seccompProfile == null ? "default" : seccompProfile;
        limits = limits == null ? Limits.DEFAULT : limits;
        network = network == null ? NetworkMode.NONE : network;
        timeout = timeout == null ? Duration.ofMinutes(1) : timeout;
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(TIMEOUT_MAX) > 0) {
            throw new IllegalArgumentException("timeout must be positive and at most " + TIMEOUT_MAX + ": " + timeout);
        }
        actor = actor == null ? "node" : actor;
    }

    /** A builder for the program {@code argv}. */
    public static Builder builder(String... argv) {
        return new Builder(List.of(argv));
    }

    /** A builder for the program {@code argv}. */
    public static Builder builder(List<String> argv) {
        return new Builder(argv);
    }

    /** A builder holding this spec's values. */
    public Builder toBuilder() {
        Builder b = new Builder(argv);
        b.env.putAll(env);
        b.appDir = appDir;
        b.outputDir = outputDir;
        b.workdir = workdir;
        b.stdin = stdin;
        b.inputFiles.addAll(inputFiles);
        b.seed = seed;
        b.seccompProfile = seccompProfile;
        b.limits = limits;
        b.network = network;
        b.timeout = timeout;
        b.actor = actor;
        return b;
    }

    /**
     * The spec as JSON-ready values, what a step receipt records in its {@code inputs}. Standard input
     * up to {@link #RECORDED_STDIN_BYTES_MAX} is kept (base64), larger input only by digest.
     */
    public Map<String, Object> toRecord(String stdinSha256) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("argv", argv);
        map.put("env", new TreeMap<>(env));
        map.put("appDir", appDir == null ? "" : appDir.toString());
        map.put("outputDir", outputDir == null ? "" : outputDir.toString());
        map.put("workdir", workdir);
        map.put("stdinSha256", stdinSha256);
        map.put("stdinBytes", stdin.length);
        if (stdin.length <= RECORDED_STDIN_BYTES_MAX) {
            map.put("stdinBase64", java.util.Base64.getEncoder().encodeToString(stdin));
        }
        map.put("inputFiles", inputFiles);
        map.put("seed", seed.isPresent() ? Long.toUnsignedString(seed.getAsLong()) : "");
        map.put("seccompProfile", seccompProfile);
        map.put("limits", limits.toRecord());
        map.put("network", network.wireName());
        map.put("timeoutMs", timeout.toMillis());
        map.put("actor", actor);
        return map;
    }

    /**
     * Reads what {@link #toRecord} wrote. {@code stdinIfNotRecorded} supplies standard input that was
     * recorded only by digest.
     */
    @SuppressWarnings("unchecked")
    public static RunSpec fromRecord(Map<String, Object> map, byte[] stdinIfNotRecorded) {
        Builder b = builder((List<String>) map.get("argv"));
        b.env((Map<String, String>) map.get("env"));
        String app = (String) map.get("appDir");
        b.appDir(app == null || app.isEmpty() ? null : Path.of(app));
        String out = (String) map.get("outputDir");
        b.outputDir(out == null || out.isEmpty() ? null : Path.of(out));
        b.workdir((String) map.get("workdir"));
        Object recordedStdin = map.get("stdinBase64");
        b.stdin(recordedStdin != null ? java.util.Base64.getDecoder().decode((String) recordedStdin) : stdinIfNotRecorded);
        ((List<String>) map.get("inputFiles")).forEach(b::inputFile);
        String seed = (String) map.get("seed");
        if (seed != null && !seed.isEmpty()) {
            b.seed(Long.parseUnsignedLong(seed));
        }
        b.seccompProfile((String) map.get("seccompProfile"));
        b.limits(Limits.fromRecord((Map<?, ?>) map.get("limits")));
        b.network(NetworkMode.fromWire((String) map.get("network")));
        b.timeout(Duration.ofMillis(((Number) map.get("timeoutMs")).longValue()));
        b.actor((String) map.get("actor"));
        return b.build();
    }

    /** Fills a {@link RunSpec}; unset values take the defaults documented on the record. */
    public static final class Builder {
        private final List<String> argv;
        private final Map<String, String> env = new TreeMap<>();
        private Path appDir;
        private Path outputDir;
        private String workdir;
        private byte[] stdin;
        private final List<String> inputFiles = new ArrayList<>();
        private OptionalLong seed = OptionalLong.empty();
        private String seccompProfile;
        private Limits limits;
        private NetworkMode network;
        private Duration timeout;
        private String actor;

        private Builder(List<String> argv) {
            this.argv = List.copyOf(Objects.requireNonNull(argv, "argv"));
        }

        public Builder env(String key, String value) {
            env.put(key, value);
            return this;
        }

        public Builder env(Map<String, String> values) {
            env.putAll(values);
            return this;
        }

        public Builder appDir(Path dir) {
            appDir = dir;
            return this;
        }

        public Builder outputDir(Path dir) {
            outputDir = dir;
            return this;
        }

        public Builder workdir(String dir) {
            workdir = dir;
            return this;
        }

        public Builder stdin(byte[] bytes) {
            stdin = bytes;
            return this;
        }

        /** Reads standard input from a file of at most {@link #STDIN_FILE_BYTES_MAX} bytes. */
        public Builder stdinFile(Path file) {
            try {
                long size = Files.size(file);
                if (size > STDIN_FILE_BYTES_MAX) {
                    throw new WorkloadException("stdin file " + file + " has " + size + " bytes, more than the "
                            + STDIN_FILE_BYTES_MAX + " allowed");
                }
                stdin = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new WorkloadException("cannot read stdin file " + file + ": " + e.getMessage(), e);
            }
            return this;
        }

        public Builder inputFile(String pathInAppDir) {
            inputFiles.add(pathInAppDir);
            return this;
        }

        public Builder seed(long value) {
            seed = OptionalLong.of(value);
            return this;
        }

        public Builder seccompProfile(String profile) {
            seccompProfile = profile;
            return this;
        }

        public Builder limits(Limits value) {
            limits = value;
            return this;
        }

        public Builder network(NetworkMode mode) {
            network = mode;
            return this;
        }

        public Builder timeout(Duration value) {
            timeout = value;
            return this;
        }

        public Builder actor(String value) {
            actor = value;
            return this;
        }

        public RunSpec build() {
            return new RunSpec(argv, env, appDir, outputDir, workdir, stdin, inputFiles, seed, seccompProfile, limits,
                    network, timeout, actor);
        }
    }
}

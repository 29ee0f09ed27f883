package dev.metanode.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.cli.UserException;
import dev.metanode.cli.client.ApiClient;
import dev.metanode.cli.daemon.apps.Sizes;
import dev.metanode.cli.options.HomeOptions;
import dev.metanode.core.codec.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs one job in the DockLock cage, streams its output, ends with its receipt, exits with its status. */
@Command(name = "run", description = {"Run a command in the DockLock cage and get a signed step receipt.",
        "Example: metanode run --seed 7 -- python3 -c 'import random; print(random.random())'"})
public final class RunCommand implements Callable<Integer> {
    /** Standard input sent with a job when it is not a terminal. */
    static final int STDIN_BYTES_MAX = 16 << 20;

    @Mixin
    HomeOptions homeOptions;

    @Option(names = "--seed", paramLabel = "N", description = "Deterministic run: seeded randomness and clock.")
    Long seed;

    @Option(names = "--profile", paramLabel = "P", defaultValue = "default",
            description = "Seccomp profile: default, deterministic, or a YAML file (default ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--cpus", paramLabel = "C", description = "CPU limit (cores, e.g. 0.5).")
    Double cpus;

    @Option(names = "--memory", paramLabel = "M", description = "Memory limit, e.g. 256m, 1g.")
    String memory;

    @Option(names = "--pids", paramLabel = "N", description = "Process/thread limit.")
    Integer pids;

    @Option(names = "--net", paramLabel = "MODE", defaultValue = "none", description = "none (default) or host.")
    String net;

    @Option(names = "--dir", paramLabel = "DIR", description = "Directory shown read-only at /app (default: the current one if --input is used).")
    Path dir;

    @Option(names = "--input", paramLabel = "FILE", arity = "1..*", description = "Input files (under --dir) digested into the witness.")
    List<Path> inputs = List.of();

    @Option(names = "--env", paramLabel = "K=V", description = "Environment variable for the job.")
    Map<String, String> env = Map.of();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60", description = "Kill the job after this long (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Parameters(arity = "1..*", paramLabel = "CMD", description = "The command and its arguments (after --).")
    List<String> command;

    @Override
    public Integer call() throws IOException {
        ApiClient client = ApiClient.connect(homeOptions.home());
        byte[] body = Json.write(request()).getBytes(StandardCharsets.UTF_8);
        int[] exit = {-1};
        client.stream("POST", "/api/v1/jobs", body, event -> exit[0] = onEvent(event, exit[0]));
        if (exit[0] < 0) {
            throw new UserException("the job's output ended without an exit status (did the node stop?)");
        }
        return exit[0];
    }

    private Map<String, Object> request() throws IOException {
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("argv", command);
        Path appDir = dir != null ? dir : inputs.isEmpty() ? null : Path.of("");
        if (appDir != null) {
            req.put("dir", appDir.toAbsolutePath().normalize().toString());
            req.put("inputs", inputs.stream().map(p -> appDir.toAbsolutePath().normalize()
                    .relativize(p.toAbsolutePath().normalize()).toString()).toList());
        }
        req.put("env", env);
        if (seed != null) {
            req.put("seed", Long.toUnsignedString(seed));
        }
        req.put("profile", profile.contains("/") ? Path.of(profile).toAbsolutePath().toString() : profile);
        if (cpus != null) {
            req.put("cpus", cpus);
        }
        if (memory != null) {
            req.put("memoryBytes", Sizes.parseBytes(memory));
        }
        if (pids != null) {
            req.put("pids", pids);
        }
        req.put("net", net);
        req.put("timeoutMs", timeoutSeconds * 1000);
        if (System.console() == null && System.in.available() > 0) {
            byte[] stdin = System.in.readNBytes(STDIN_BYTES_MAX + 1);
            if (stdin.length > STDIN_BYTES_MAX) {
                throw new UserException("standard input is larger than " + STDIN_BYTES_MAX + " bytes; pass a file with --input");
            }
            req.put("stdinBase64", Base64.getEncoder().encodeToString(stdin));
        }
        return req;
    }

    private static int onEvent(JsonNode event, int exit) {
        switch (event.path("t").asText()) {
            case "stdout" -> write(System.out, event);
            case "stderr" -> write(System.err, event);
            case "error" -> throw new UserException(event.path("message").asText());
            case "exit" -> {
                System.out.flush();
                int code = event.path("signal").asInt() > 0 ? 128 + event.path("signal").asInt() : event.path("code").asInt();
                String contained = event.path("containments").isEmpty() ? "" : " (contained: "
                        + String.join("; ", Json.mapper().convertValue(event.path("containments"), List.class)) + ")";
                System.err.println("metanode: job exited " + code + contained + "; receipt " + event.path("receipt").asText());
                return code;
            }
            default -> { }
        }
        return exit;
    }

    private static void write(PrintStream out, JsonNode event) {
        byte[] bytes = Base64.getDecoder().decode(event.path("b64").asText());
        out.write(bytes, 0, bytes.length);
        out.flush();
    }
}

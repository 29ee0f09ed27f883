package dev.metanode.cli.daemon.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.cli.daemon.ApiError;
import dev.metanode.core.workload.Limits;
import dev.metanode.core.workload.NetworkMode;
import dev.metanode.core.workload.RunSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Turns the JSON body of {@code POST /api/v1/jobs} into a {@link RunSpec}; every mistake is a 400 with a reason. */
final class JobRequest {
    /** Arguments a job may have. */
    static final int ARGV_MAX = 4_096;

    private JobRequest() {}

    static RunSpec parse(JsonNode body, Path outputDir, String actor) {
        List<String> argv = strings(body.path("argv"), "argv");
        if (argv.isEmpty() || argv.size() > ARGV_MAX) {
            throw new ApiError(400, "a job needs a command: argv must hold 1 to " + ARGV_MAX + " strings");
        }
        RunSpec.Builder spec = RunSpec.builder(argv).outputDir(outputDir).actor(actor);
        String dir = body.path("dir").asText("");
        if (!dir.isEmpty()) {
            Path appDir = Path.of(dir);
            if (!appDir.isAbsolute() || !Files.isDirectory(appDir)) {
                throw new ApiError(400, "dir must be an existing absolute directory: " + dir);
            }
            spec.appDir(appDir);
        }
        strings(body.path("inputs"), "inputs").forEach(spec::inputFile);
        for (Iterator<Map.Entry<String, JsonNode>> it = body.path("env").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            spec.env(e.getKey(), e.getValue().asText());
        }
        if (body.hasNonNull("stdinBase64")) {
            spec.stdin(Base64.getDecoder().decode(body.path("stdinBase64").asText()));
        }
        if (body.hasNonNull("seed")) {
            spec.seed(Long.parseUnsignedLong(body.path("seed").asText()));
        }
        spec.seccompProfile(body.path("profile").asText("default"));
        Limits d = Limits.DEFAULT;
        spec.limits(new Limits(body.path("cpus").asDouble(d.cpus()), body.path("memoryBytes").asLong(d.memoryBytesMax()),
                body.path("pids").asInt(d.pidsMax()), body.path("tmpfsBytes").asLong(d.tmpfsBytesMax()),
                d.outputBytesMax()));
        spec.network(NetworkMode.fromWire(body.path("net").asText("none")));
        spec.timeout(Duration.ofMillis(body.path("timeoutMs").asLong(60_000)));
        return spec.build();
    }

    private static List<String> strings(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new ApiError(400, field + " must be a list of strings");
        }
        node.forEach(n -> out.add(n.asText()));
        return out;
    }
}

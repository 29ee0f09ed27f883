package dev.metanode.cli.daemon.apps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.metanode.docklock.supervise.RestartPolicy;
import dev.metanode.core.workload.Limits;
import dev.metanode.httpcage.AppPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An app's {@code metanode.yaml}: name, command, port, env, resources, restart policy, and what the
 * HTTP cage enforces in front of it ({@link AppHttpPolicy}). Unknown
 * keys and wrong types are refused with the key's name.
 */
public record AppManifest(String name, List<String> command, int port, Map<String, String> env, Limits limits,
        RestartPolicy restart, AppPolicy http) {
    public static final String FILE = "metanode.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> KEYS = Set.of("name", "command", "port", "env", "resources", "restart", "http");
    /** Apps get more than a one-shot job by default: a JVM needs threads and heap. */
    static final Limits APP_DEFAULT_LIMITS = new Limits(1.0, 512L << 20, 256, 64L << 20, 1 << 20);

    public AppManifest {
        command = List.copyOf(command);
        env = Map.copyOf(env);
    }

    public static AppManifest read(Path dir) {
        Path file = dir.resolve(FILE);
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + (Files.exists(file) ? dev.metanode.core.codec.Json.firstLine(e.getMessage())
                    : "no such file; an app directory needs a " + FILE));
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + " must be a mapping with at least name and command");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(file + ": unknown key '" + key + "' (known: " + new java.util.TreeSet<>(KEYS) + ")");
            }
        }
        String name = root.path("name").asText("");
        if (!name.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException(file + ": name must be 1-40 lower-case letters, digits or '-' (got '" + name + "')");
        }
        return new AppManifest(name, command(root.path("command"), file), port(root.path("port"), file),
                env(root.path("env")), limits(root.path("resources"), file), restart(root.path("restart"), file),
                http(root.path("http"), file));
    }

    private static List<String> command(JsonNode node, Path file) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.addAll(List.of(node.asText().trim().split("\\s+")));
        } else if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        }
        if (out.isEmpty() || out.get(0).isEmpty()) {
            throw new IllegalArgumentException(file + ": 'command' must be a string or a list, e.g. [java, Hello.java]");
        }
        return out;
    }

    private static int port(JsonNode node, Path file) {
        if (node.isMissingNode()) {
            return 0;
        }
        if (!node.isInt() || node.asInt() < 1 || node.asInt() > 65535) {
            throw new IllegalArgumentException(file + ": 'port' must be a whole number from 1 to 65535");
        }
        return node.asInt();
    }

    private static Map<String, String> env(JsonNode node) {
        Map<String, String> out = new TreeMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static Limits limits(JsonNode node, Path file) {
        Limits d = APP_DEFAULT_LIMITS;
        try {
            return new Limits(node.path("cpus").asDouble(d.cpus()),
                    node.has("memory") ? Sizes.parseBytes(node.path("memory").asText()) : d.memoryBytesMax(),
                    node.path("pids").asInt(d.pidsMax()), d.tmpfsBytesMax(), d.outputBytesMax());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": resources: " + e.getMessage());
        }
    }

    private static AppPolicy http(JsonNode node, Path file) {
        try {
            return AppHttpPolicy.parse(node);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    private static RestartPolicy restart(JsonNode node, Path file) {
        RestartPolicy d = RestartPolicy.DEFAULT;
        String mode = node.path("policy").asText(d.mode().name()).toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return new RestartPolicy(RestartPolicy.Mode.valueOf(mode), node.path("delayMsInitial").asLong(d.delayMsInitial()),
                    node.path("delayMsMax").asLong(d.delayMsMax()), node.path("stableMs").asLong(d.stableMs()),
                    node.path("restartsMax").asInt(d.restartsMax()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": restart: policy is never, on-failure or always; " + e.getMessage());
        }
    }
}

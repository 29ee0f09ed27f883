package dev.metanode.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.metanode.core.log.LogSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;

/** Reads and writes {@code metanode.yaml}: unknown keys and wrong types are refused with the key's name. */
public final class ConfigFile {
    /** A configuration file larger than this is not a configuration file. */
    public static final int CONFIG_BYTES_MAX = 1 << 20;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP = Set.of("chainId", "api", "log", "net", "http");
    private static final Set<String> HTTP = Set.of("port", "host", "tls");
    private static final Set<String> NET = Set.of("host", "port", "peers");
    private static final Set<String> API = Set.of("host", "port");
    private static final Set<String> LOG = Set.of("appendQueueDepthMax", "groupCommitBatchMax",
            "checkpointIntervalMs", "startupAuditLeavesMax");

    private ConfigFile() {}

    public static NodeConfig read(Path file) {
        JsonNode root;
        try {
            if (Files.size(file) > CONFIG_BYTES_MAX) {
                throw new ConfigException(file + " is larger than " + CONFIG_BYTES_MAX + " bytes");
            }
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException(file + ": " + dev.metanode.core.codec.Json.firstLine(e.getMessage()));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new ConfigException(file + " is empty; delete it to get the defaults back");
        }
        String where = file.toString();
        checkKeys(root, TOP, where, "");
        String chainId = text(root, "chainId", where);
        if (!chainId.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new ConfigException(where + ": chainId must be lower-case letters, digits and '-' (got '"
                    + chainId + "')");
        }
        JsonNode api = section(root, "api", API, where);
        JsonNode log = section(root, "log", LOG, where);
        JsonNode net = section(root, "net", NET, where);
        JsonNode http = section(root, "http", HTTP, where);
        LogSettings d = LogSettings.DEFAULTS;
        try {
            return new NodeConfig(chainId, api.path("host").asText("127.0.0.1"),
                    intIn(api, "port", NodeConfig.DEFAULT_API_PORT, 0, 65535, where + ": api"),
                    new LogSettings(intIn(log, "appendQueueDepthMax", d.appendQueueDepthMax(), 1, 1 << 24, where),
                            intIn(log, "groupCommitBatchMax", d.groupCommitBatchMax(), 1, 1 << 20, where),
                            intIn(log, "checkpointIntervalMs", (int) d.checkpointIntervalMs(), 10, 3_600_000, where),
                            intIn(log, "startupAuditLeavesMax", (int) d.startupAuditLeavesMax(), 0,
                                    Integer.MAX_VALUE, where)),
                    net.path("host").asText("127.0.0.1"),
                    intIn(net, "port", NodeConfig.DEFAULT_NET_PORT, 0, 65535, where + ": net"),
                    peers(net.path("peers"), where),
                    intIn(http, "port", NodeConfig.DEFAULT_HTTP_PORT, 0, 65535, where + ": http"),
                    hostText(http, NodeConfig.DEFAULT_HTTP_HOST, where + ": http"), bool(http, "tls", where + ": http"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + e.getMessage());
        }
    }

    /** The file a first start writes: every key with its default, and a comment saying what it does. */
    public static String defaultsText(String chainId) {
        LogSettings d = LogSettings.DEFAULTS;
        return """
                # Metanode node configuration. Every key is shown with its default value.
                # The checkpoint origin is metanode/<chainId>.
                chainId: %s
                api:
                  # Loopback only unless you ask otherwise; the API needs the token in api.token.
                  host: 127.0.0.1
                  # 0 picks a free port; the CLI finds it in run/daemon.json.
                  port: %d
                log:
                  # Appends waiting for the writer before append() fails fast.
                  appendQueueDepthMax: %d
                  # Receipts written together with one fsync at most (group commit).
                  groupCommitBatchMax: %d
                  # A signed checkpoint at least this often while the log grows.
                  checkpointIntervalMs: %d
                  # Logs up to this many receipts are fully re-hashed at every start.
                  startupAuditLeavesMax: %d
                net:
                  # The encrypted peer transport. It listens only when peers are listed below.
                  host: 127.0.0.1
                  port: %d
                  # Other nodes: - {key: <their base64 public key>, address: host:port}
                  peers: []
                http:
                  # The HTTP cage: apps answer at http://APP.localhost:PORT/, every exchange notarised.
                  port: %d
                  # Plain HTTP on loopback only. For any other address set tls: true (TLS 1.3, host
                  # certificates from the node's local CA; 'metanode ca export' prints it to trust).
                  host: 127.0.0.1
                  tls: false
                """.formatted(chainId, NodeConfig.DEFAULT_API_PORT, d.appendQueueDepthMax(),
                d.groupCommitBatchMax(), d.checkpointIntervalMs(), d.startupAuditLeavesMax(),
                NodeConfig.DEFAULT_NET_PORT, NodeConfig.DEFAULT_HTTP_PORT);
    }

    private static java.util.List<PeerAddress> peers(JsonNode list, String where) {
        java.util.List<PeerAddress> out = new java.util.ArrayList<>();
        if (list.isMissingNode() || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            throw new ConfigException(where + ": net.peers must be a list of {key, address}");
        }
        for (JsonNode peer : list) {
            String address = peer.path("address").asText("");
            int colon = address.lastIndexOf(':');
            try {
                out.add(new PeerAddress(dev.metanode.core.crypto.PublicKey.fromBase64(peer.path("key").asText("")),
                        address.substring(0, Math.max(0, colon)), Integer.parseInt(address.substring(colon + 1))));
            } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
                throw new ConfigException(where + ": net.peers entry " + peer + ": needs key (the peer's base64"
                        + " public key, 'metanode status' shows it) and address host:port");
            }
        }
        return out;
    }

    private static JsonNode section(JsonNode root, String name, Set<String> keys, String where) {
        JsonNode node = root.path(name);
        if (node.isMissingNode() || node.isNull()) {
            return YAML.createObjectNode();
        }
        if (!node.isObject()) {
            throw new ConfigException(where + ": '" + name + "' must be a mapping");
        }
        checkKeys(node, keys, where, name + ".");
        return node;
    }

    private static void checkKeys(JsonNode node, Set<String> allowed, String where, String prefix) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new ConfigException(where + ": unknown key '" + prefix + key + "' (known: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    private static String text(JsonNode root, String key, String where) {
        JsonNode node = root.path(key);
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new ConfigException(where + ": '" + key + "' must be set to a string");
        }
        return node.asText();
    }

    private static String hostText(JsonNode section, String fallback, String where) {
        JsonNode node = section.path("host");
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.isTextual()) {
            throw new ConfigException(where + ": 'host' must be an IP address or localhost (got " + node + ")");
        }
        return node.asText();
    }

    private static boolean bool(JsonNode section, String key, String where) {
        JsonNode node = section.path(key);
        if (node.isMissingNode() || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new ConfigException(where + ": '" + key + "' must be true or false (got " + node + ")");
        }
        return node.asBoolean();
    }

    private static int intIn(JsonNode section, String key, int fallback, int min, int max, String where) {
        JsonNode node = section.path(key);
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
            throw new ConfigException(where + ": '" + key + "' must be a whole number from " + min + " to " + max
                    + " (got " + node + ")");
        }
        return node.asInt();
    }
}

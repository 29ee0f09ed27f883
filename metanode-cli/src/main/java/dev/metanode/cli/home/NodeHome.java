package dev.metanode.cli.home;

import java.nio.file.Path;

/**
 * The data directory layout: {@code $METANODE_HOME}, default {@code ~/.metanode}. Only the paths
 * live here; {@link HomeInitializer} creates them.
 */
public record NodeHome(Path root) {
    public static final String ENV = "METANODE_HOME";

    public static NodeHome resolve(Path option) {
        if (option != null) {
            return new NodeHome(option.toAbsolutePath().normalize());
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return new NodeHome(Path.of(env).toAbsolutePath().normalize());
        }
        return new NodeHome(Path.of(System.getProperty("user.home"), ".metanode"));
    }

    public Path config() {
        return root.resolve("metanode.yaml");
    }

    public Path nodeKey() {
        return root.resolve("keys").resolve("node.key");
    }

    /** The node's public key as a signed-note verifier key line: what others pass to --trust. */
    public Path nodePublicKey() {
        return root.resolve("keys").resolve("node.pub");
    }

    /** The chain this node belongs to: chain id, first validator set, start time. */
    public Path genesis() {
        return root.resolve("genesis.json");
    }

    public Path apiToken() {
        return root.resolve("api.token");
    }

    /** The local CA and its key (0600): issues the HTTPS front door's host certificates. */
    public Path tls() {
        return root.resolve("tls");
    }

    public Path db() {
        return root.resolve("db");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path apps() {
        return root.resolve("apps");
    }

    public Path runDir() {
        return root.resolve("run");
    }

    /** Written by a running daemon: its pid and API URL. */
    public Path daemonInfo() {
        return runDir().resolve("daemon.json");
    }

    public Path daemonLock() {
        return runDir().resolve("daemon.lock");
    }

    public Path daemonOutput() {
        return logs().resolve("daemon.out");
    }

    public boolean initialized() {
        return java.nio.file.Files.exists(nodeKey());
    }
}

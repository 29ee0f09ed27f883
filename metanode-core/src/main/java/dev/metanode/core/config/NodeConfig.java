package dev.metanode.core.config;

import dev.metanode.core.log.LogSettings;

/**
 * The node's configuration, {@code metanode.yaml}. Every field has a default, so an empty file
 * (or none) is a valid configuration.
 *
 * @param chainId   names the chain; the checkpoint origin is {@code metanode/<chainId>}
 * @param apiHost   address the API listens on; loopback unless the user asks otherwise
 * @param apiPort   API port; 0 picks a free one
 * @param log       receipt log limits and timings
 * @param netHost   address the peer transport listens on (only when peers are configured)
 * @param netPort   peer transport port; 0 picks a free one
 * @param peers     the other nodes; the transport starts only if there is at least one
 * @param httpPort  the HTTP cage's front door on loopback (apps at APP.localhost:PORT); 0 picks a free one
 */
public record NodeConfig(String chainId, String apiHost, int apiPort, LogSettings log, String netHost, int netPort,
        java.util.List<PeerAddress> peers, int httpPort) {
    public static final int DEFAULT_API_PORT = 7450;
    public static final int DEFAULT_HTTP_PORT = 7480;
    public static final int DEFAULT_NET_PORT = 7650;

    public NodeConfig {
        peers = java.util.List.copyOf(peers);
    }

    public static NodeConfig defaults(String chainId) {
        return new NodeConfig(chainId, "127.0.0.1", DEFAULT_API_PORT, LogSettings.DEFAULTS, "127.0.0.1",
                DEFAULT_NET_PORT, java.util.List.of(), DEFAULT_HTTP_PORT);
    }

    public String checkpointOrigin() {
        return "metanode/" + chainId;
    }

    public NodeConfig withApiPort(int port) {
        return new NodeConfig(chainId, apiHost, port, log, netHost, netPort, peers, httpPort);
    }

    public NodeConfig withHttpPort(int port) {
        return new NodeConfig(chainId, apiHost, apiPort, log, netHost, netPort, peers, port);
    }
}

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
 * @param httpPort  the HTTP cage's front door (apps at APP.localhost:PORT); 0 picks a free one
 * @param httpHost  address the front door listens on: an IP literal or {@code localhost}; plain HTTP
 *                  only on loopback, anything else requires {@code httpTls}
 * @param httpTls   TLS 1.3 on the front door, with host certificates from the node's local CA
 */
public record NodeConfig(String chainId, String apiHost, int apiPort, LogSettings log, String netHost, int netPort,
        java.util.List<PeerAddress> peers, int httpPort, String httpHost, boolean httpTls) {
    public static final int DEFAULT_API_PORT = 7450;
    public static final int DEFAULT_HTTP_PORT = 7480;
    public static final int DEFAULT_NET_PORT = 7650;

    public static final String DEFAULT_HTTP_HOST = "127.0.0.1";

    public NodeConfig {
        peers = java.util.List.copyOf(peers);
        boolean loopback = isLoopback(httpHost); // also refuses anything but an IP literal or localhost
        if (!httpTls && !loopback) {
            throw new IllegalArgumentException("http.host " + httpHost + " is not loopback: plain HTTP is served on"
                    + " loopback only; set http.tls: true to serve it over TLS");
        }
    }

    /**
     * Whether a configured host names loopback, without a DNS lookup: {@code localhost} or an IP
     * literal in 127.0.0.0/8 or ::1. Host names other than localhost are refused (the listener
     * binds an address, and a name that resolves differently tomorrow is not a security boundary).
     */
    public static boolean isLoopback(String host) {
        return host.equals("localhost") || literal(host).isLoopbackAddress();
    }

    /** The address an IP literal names; an error for anything else. */
    public static java.net.InetAddress literal(String host) {
        // Only literals reach getByName, so it never asks DNS.
        if (!host.matches("\\d{1,3}(\\.\\d{1,3}){3}|\\[?[0-9a-fA-F.]*:[0-9a-fA-F:.]*]?")) {
            throw new IllegalArgumentException("http.host must be an IP address or localhost (got '" + host + "')");
        }
        try {
            return java.net.InetAddress.getByName(host);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("http.host must be an IP address or localhost (got '" + host + "')");
        }
    }

    public static NodeConfig defaults(String chainId) {
        return new NodeConfig(chainId, "127.0.0.1", DEFAULT_API_PORT, LogSettings.DEFAULTS, "127.0.0.1",
                DEFAULT_NET_PORT, java.util.List.of(), DEFAULT_HTTP_PORT, DEFAULT_HTTP_HOST, false);
    }

    public String checkpointOrigin() {
        return "metanode/" + chainId;
    }

    public NodeConfig withApiPort(int port) {
        return new NodeConfig(chainId, apiHost, port, log, netHost, netPort, peers, httpPort, httpHost, httpTls);
    }

    public NodeConfig withHttpPort(int port) {
        return new NodeConfig(chainId, apiHost, apiPort, log, netHost, netPort, peers, port, httpHost, httpTls);
    }
}

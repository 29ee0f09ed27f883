package dev.metanode.core.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * How a node's transport runs. The default listens on loopback only: exposing the port to other
 * machines is a deliberate choice in {@code metanode.yaml}.
 *
 * @param listenAddress where {@code start()} binds
 * @param networkId mixed into every handshake, so nodes of different networks never connect
 * @param limits every bound of the transport
 * @param ioThreads Netty event-loop threads
 */
public record NetConfig(InetSocketAddress listenAddress, String networkId, NetLimits limits, int ioThreads) {
    public static final int DEFAULT_PORT = 7650;
    public static final int IO_THREADS_DEFAULT = 2;

    public NetConfig {
        if (listenAddress == null || networkId == null || networkId.isEmpty() || limits == null) {
            throw new IllegalArgumentException("listenAddress, networkId and limits are required");
        }
        if (ioThreads <= 0) {
            throw new IllegalArgumentException("ioThreads must be positive, got " + ioThreads);
        }
    }

    public static NetConfig defaults(String networkId) {
        return new NetConfig(new InetSocketAddress(InetAddress.getLoopbackAddress(), DEFAULT_PORT), networkId,
                NetLimits.defaults(), IO_THREADS_DEFAULT);
    }

    public NetConfig withListenAddress(InetSocketAddress address) {
        return new NetConfig(address, networkId, limits, ioThreads);
    }

    public NetConfig withLimits(NetLimits newLimits) {
        return new NetConfig(listenAddress, networkId, newLimits, ioThreads);
    }
}

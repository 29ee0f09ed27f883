package dev.metanode.httpcage;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How to run the front door.
 *
 * @param bindAddress where to listen; anything but loopback requires {@code tlsDirectory}
 * @param port        the port, 0 for any free one
 * @param tlsDirectory where the local CA and host certificates live (created on first start), or
 *                    null for plain HTTP, which is refused on a non-loopback address
 * @param apiPort     the daemon's own API on loopback, reached as {@code localhost}; empty for none
 * @param limits      limits on clients
 * @param notarise    false only for benchmarks: no receipts
 * @param signResponses add an RFC 9421 signature by the cage's key to every response
 * @param ioThreads   event-loop threads, 0 for one per core
 */
public record HttpCageConfig(InetAddress bindAddress, int port, Path tlsDirectory, OptionalInt apiPort,
        CageLimits limits, boolean notarise, boolean signResponses, int ioThreads) {

    public HttpCageConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(apiPort, "apiPort");
        Objects.requireNonNull(limits, "limits");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (tlsDirectory == null && !bindAddress.isLoopbackAddress()) {
            throw new IllegalArgumentException("plain HTTP only on loopback; give a TLS directory to bind "
                    + bindAddress.getHostAddress());
        }
    }

    /** Plain HTTP on loopback, any free port, notarised, responses signed. */
    public static HttpCageConfig loopback(OptionalInt apiPort) {
        return new HttpCageConfig(InetAddress.getLoopbackAddress(), 0, null, apiPort, CageLimits.DEFAULTS, true, true, 0);
    }

    public HttpCageConfig withPort(int value) {
        return new HttpCageConfig(bindAddress, value, tlsDirectory, apiPort, limits, notarise, signResponses, ioThreads);
    }

    /** Plain HTTP on another loopback address (127.0.0.2, ::1); anything else needs {@link #withTls}. */
    public HttpCageConfig withBindAddress(InetAddress address) {
        return new HttpCageConfig(address, port, tlsDirectory, apiPort, limits, notarise, signResponses, ioThreads);
    }

    public HttpCageConfig withTls(InetAddress address, Path directory) {
        return new HttpCageConfig(address, port, directory, apiPort, limits, notarise, signResponses, ioThreads);
    }

    public HttpCageConfig withLimits(CageLimits value) {
        return new HttpCageConfig(bindAddress, port, tlsDirectory, apiPort, value, notarise, signResponses, ioThreads);
    }

    public HttpCageConfig withNotarise(boolean value) {
        return new HttpCageConfig(bindAddress, port, tlsDirectory, apiPort, limits, value, signResponses, ioThreads);
    }

    public HttpCageConfig withSignResponses(boolean value) {
        return new HttpCageConfig(bindAddress, port, tlsDirectory, apiPort, limits, notarise, value, ioThreads);
    }
}

package dev.metanode.core.net.netty;

import java.util.List;

/**
 * JVM options a process that runs Netty should be started with.
 *
 * <p>Netty 4.2 stops using {@code sun.misc.Unsafe} on Java 24 and later unless told otherwise (so the
 * JVM prints no deprecation warning). Without it every header byte Netty writes goes through a
 * bounds-checked {@code ByteBuffer.put} and its ASCII hashing takes the slow path: the cage's
 * plain proxy measured ~20 % fewer requests a second (docs/bench-http.md). On Java 23 and later
 * {@code --sun-misc-unsafe-memory-access=allow} keeps both the fast path and a quiet JVM; older
 * JVMs do not know the option and need nothing.
 */
public final class NettyJvmOptions {
    private NettyJvmOptions() {}

    /** Options for a child JVM of the same Java version as this one. */
    public static List<String> forChildJvm() {
        return forFeatureVersion(Runtime.version().feature());
    }

    static List<String> forFeatureVersion(int feature) {
        return feature >= 23 ? List.of("--sun-misc-unsafe-memory-access=allow") : List.of();
    }
}

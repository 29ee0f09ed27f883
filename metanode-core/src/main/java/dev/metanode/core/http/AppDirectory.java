package dev.metanode.core.http;

import java.util.Optional;

/**
 * The port the HTTP front door uses to find an app: the daemon knows which loopback port each
 * running app listens on. Implementations must be thread-safe and fast (called once per request).
 */
public interface AppDirectory {
    /** The loopback port the app named {@code app} listens on, or empty if no such app is running. */
    Optional<Integer> portOf(String app);
}

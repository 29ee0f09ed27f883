package dev.metanode.httpcage.proxy;

/**
 * Where a request goes: an app's loopback port, or the daemon's API ({@code api} true).
 *
 * @param app  the app name, or {@value #API} for the daemon's API
 * @param port the loopback port to connect to
 */
public record Route(String app, int port, boolean api) {
    public static final String API = "_api";
}

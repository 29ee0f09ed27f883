package dev.metanode.httpcage.proxy;

/**
 * A request whose body length could be read two ways (Content-Length and Transfer-Encoding both,
 * or a transfer coding other than plain chunked). Proxies and apps that disagree on where such a
 * body ends are how request smuggling works, so the cage refuses them instead of repairing them.
 */
public final class AmbiguousFramingException extends IllegalArgumentException {
    public AmbiguousFramingException(String message) {
        super(message);
    }
}

package dev.metanode.httpcage.proxy;

import dev.metanode.core.kernel.Clock;
import dev.metanode.httpcage.CageLimits;
import dev.metanode.httpcage.Gates;
import dev.metanode.httpcage.metrics.CageMetrics;
import dev.metanode.httpcage.notary.Notary;
import io.netty.channel.Channel;

/**
 * What every connection of one front door shares. Immutable; the parts are thread-safe.
 *
 * @param limits        the client-facing limits
 * @param router        host to route
 * @param gates         the checks run on every routed request head
 * @param notary        receipts, or null to run without notarisation (benchmarks only)
 * @param metrics       counters and histograms
 * @param clock         time
 * @param scheme        "https" on the TLS listener, "http" on loopback
 * @param clientChannel the channel class for connections to apps (matches the event loop)
 * @param responses     signs responses, or null to send them unsigned
 * @param signs         whether an app's responses are signed (its policy), when {@code responses} is set
 * @param apiBearer     the credential the cage presents to the daemon's API for a client it authenticated, or null
 * @param events        the node's events, streamed on the API host's {@code /ws}, or null for no {@code /ws}
 */
public record ProxyContext(CageLimits limits, HostRouter router, Gates gates, Notary notary, CageMetrics metrics,
        Clock clock, String scheme, Class<? extends Channel> clientChannel, ResponseStamp responses, java.util.function.Predicate<String> signs,
        String apiBearer, dev.metanode.core.event.EventFeed events) {
    /** The cage's own Prometheus text, served on the API host; /metrics itself goes to the daemon. */
    public static final String METRICS_PATH = "/cage/metrics";
}

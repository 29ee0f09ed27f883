package dev.metanode.httpcage;

import dev.metanode.core.kernel.Clock;
import dev.metanode.core.kernel.ReceiptLog;
import dev.metanode.core.kernel.Service;
import dev.metanode.httpcage.auth.ApiKeys;
import dev.metanode.httpcage.metrics.CageMetrics;
import dev.metanode.httpcage.sig.ResponseSigner;
import dev.metanode.httpcage.tls.HostCertificates;
import dev.metanode.httpcage.tls.LocalCa;
import io.netty.handler.ssl.SniHandler;
import dev.metanode.httpcage.sig.SignatureKeys;
import dev.metanode.httpcage.notary.ExchangeStore;
import dev.metanode.httpcage.notary.Notary;
import dev.metanode.httpcage.notary.NotaryRecovery;
import dev.metanode.httpcage.proxy.FrontDoorInitializer;
import dev.metanode.httpcage.proxy.HostRouter;
import dev.metanode.httpcage.proxy.ProxyContext;
import dev.metanode.httpcage.proxy.ResponseStamp;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import java.net.InetSocketAddress;
import java.util.function.Supplier;

/**
 * The front door: one listener for apps ({@code APP.localhost}) and the daemon's API
 * ({@code localhost}). Build it with {@link HttpCageBuilder}; it is a {@link Service}, started
 * after the receipt log and the app directory and stopped before them.
 */
public final class HttpCage implements Service {
    /** Largest TLS ClientHello the SNI handler buffers. */
    public static final int SNI_BYTES_MAX = 16 * 1024;
    /** The store columns the cage uses: open them in the node's store. */
    public static final java.util.List<String> COLUMNS = java.util.stream.Stream.concat(
            java.util.stream.Stream.of(ApiKeys.COLUMN.name()), ExchangeStore.COLUMNS.stream()).toList();
    private final HttpCageConfig config;
    private final ProxyContext context;
    private final Supplier<ChannelHandler> tls;
    private final Notary notary;
    private final ExchangeStore exchanges;
    private final Transport transport = Transport.best();
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel listener;
    private NotaryRecovery.Outcome recovered = NotaryRecovery.Outcome.NOTHING;

    private final HttpCageBuilder.Parts parts;

    HttpCage(HttpCageConfig config, HttpCageBuilder.Parts parts) {
        this.config = config;
        this.parts = parts;
        this.tls = config.tlsDirectory() == null ? null : tlsHandler(config);
        ResponseStamp stamp = config.signResponses() && parts.key() != null
                ? new ResponseSigner(parts.key(), parts.clock()) : null;
        CageMetrics metrics = parts.metrics();
        ReceiptLog log = parts.receiptLog();
        Clock clock = parts.clock();
        this.exchanges = new ExchangeStore(parts.store());
        this.notary = config.notarise() ? new Notary(log, exchanges, clock, metrics, Notary.IN_FLIGHT_MAX) : null;
        if (notary != null) {
            metrics.notaryInFlight(() -> notary.inFlight(Notary.IN_FLIGHT_MAX));
        }
        this.context = new ProxyContext(config.limits(), new HostRouter(parts.apps(), config.apiPort()), parts.gates(),
                notary, metrics, clock, tls == null ? "http" : "https", transport.clientChannel(), stamp,
                app -> parts.policies().of(app).signResponses(), parts.apiBearer(), parts.events());
    }

    private static Supplier<ChannelHandler> tlsHandler(HttpCageConfig config) {
        try {
            LocalCa ca = LocalCa.loadOrCreate(config.tlsDirectory());
            HostCertificates hosts = new HostCertificates(ca);
            return () -> new SniHandler(hosts, SNI_BYTES_MAX, config.limits().headersTimeoutMs());
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up the local CA in " + config.tlsDirectory(), e);
        }
    }

    /**
     * The local CA certificate (PEM) that clients must trust, or empty when TLS is off.
     * Export it with {@code metanode ca export}; it holds no secret.
     */
    public java.util.Optional<String> caCertificatePem() {
        if (config.tlsDirectory() == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(LocalCa.loadOrCreate(config.tlsDirectory()).certificatePem());
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the local CA", e);
        }
    }

    @Override
    public String name() {
        return "http-cage";
    }

    @Override
    public void start() throws InterruptedException {
        if (parts.receiptLog() != null) {
            // Before the first request: a batch the last run left without a receipt link gets it now.
            recovered = NotaryRecovery.run(parts.receiptLog(), exchanges);
        }
        boss = new MultiThreadIoEventLoopGroup(1, transport.ioHandlers().get());
        // One event loop per core, not Netty's two: the notary and the log writer need CPU too.
        int threads = config.ioThreads() > 0 ? config.ioThreads() : Runtime.getRuntime().availableProcessors();
        workers = new MultiThreadIoEventLoopGroup(threads, transport.ioHandlers().get());
        ServerBootstrap bootstrap = new ServerBootstrap().group(boss, workers).channel(transport.serverChannel())
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new FrontDoorInitializer(context, tls));
        listener = bootstrap.bind(new InetSocketAddress(config.bindAddress(), config.port())).sync().channel();
    }

    /** What {@link #start} repaired of batches an earlier run left pending (a crash, a failed append). */
    public NotaryRecovery.Outcome recovered() {
        return recovered;
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** API keys: what {@code metanode keys create|list|revoke} calls. */
    public ApiKeys apiKeys() {
        return parts.apiKeys();
    }

    /** The live per-app policies; the daemon sets them on deploy. */
    public AppPolicies policies() {
        return parts.policies();
    }

    /** Client keys trusted for RFC 9421 request signatures; the daemon registers them. */
    public SignatureKeys signatureKeys() {
        return parts.signatureKeys();
    }

    /** The socket transport in use ("epoll" or "nio"). */
    public String transport() {
        return transport.name();
    }

    public CageMetrics metrics() {
        return context.metrics();
    }

    /** Notarised exchange records, for their proofs. */
    public ExchangeStore exchanges() {
        return exchanges;
    }

    /** The notary, or null when notarisation is off. */
    public Notary notary() {
        return notary;
    }

    /**
     * Waits at most this long for each step of a stop. A daemon stopped by SIGTERM once waited
     * forever here, on a worker group's termination that never came (seen under a 4-node bench);
     * the process must end anyway, so every wait is bounded.
     */
    static final long STOP_WAIT_MS = 5_000;

    @Override
    public void stop() throws InterruptedException {
        if (listener != null) {
            listener.close().await(STOP_WAIT_MS);
        }
        if (workers != null) {
            var workersDone = workers.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS);
            var bossDone = boss.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS);
            workersDone.await(STOP_WAIT_MS);
            bossDone.await(STOP_WAIT_MS);
        }
        if (notary != null) {
            notary.close();
        }
    }
}

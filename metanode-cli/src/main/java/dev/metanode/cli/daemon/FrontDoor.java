package dev.metanode.cli.daemon;

import dev.metanode.cli.daemon.apps.AppManager;
import dev.metanode.cli.home.NodeHome;
import dev.metanode.core.config.NodeConfig;
import dev.metanode.core.crypto.KeyFiles;
import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.event.EventFeed;
import dev.metanode.core.kernel.Clock;
import dev.metanode.core.kernel.RandomSource;
import dev.metanode.core.log.StoredReceiptLog;
import dev.metanode.core.kernel.Service;
import dev.metanode.core.store.KvStore;
import dev.metanode.httpcage.AppPolicies;
import dev.metanode.httpcage.HttpCage;
import dev.metanode.httpcage.HttpCageBuilder;
import dev.metanode.httpcage.HttpCageConfig;
import dev.metanode.httpcage.auth.ApiKeys;
import dev.metanode.httpcage.notary.ExchangeStore;
import java.net.InetAddress;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP cage in front of the node's apps: {@code http://APP.localhost:PORT/} on loopback, or
 * {@code https://} on any address with {@code http.tls: true}. It reaches the app under the policy
 * of the app's {@code metanode.yaml}; every exchange leaves a pipeline receipt. The CLI still talks
 * to the API directly; localhost through the cage reaches the API too, with an API key or JWT.
 */
final class FrontDoor implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(FrontDoor.class);
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final NodeConfig config;
    private final NodeHome home;
    private final ApiServer api;
    private final AppManager apps;
    private final StoredReceiptLog log;
    private final KvStore store;
    private final SigningKey key;
    private final ApiKeys keys;
    private final EventFeed events;
    private volatile HttpCage cage;

    FrontDoor(NodeConfig config, NodeHome home, ApiServer api, AppManager apps, StoredReceiptLog log, KvStore store,
            SigningKey key, EventFeed events) {
        this.config = config;
        this.events = events;
        this.home = home;
        this.api = api;
        this.apps = apps;
        this.log = log;
        this.store = store;
        this.key = key;
        this.keys = new ApiKeys(store, RandomSource.secure(), Clock.SYSTEM);
    }

    /** The API routes the front door owns: keys, the local CA, and Prometheus /metrics. */
    void register(Router router) {
        new KeyRoutes(keys, home.tls(), log).register(router);
        new ExchangeRoutes(log, new ExchangeStore(store)).register(router);
        router.add("GET", "/metrics", r -> new ApiResponse(200, PROMETHEUS_TEXT,
                metrics().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The node's own gauges, then the cage's counters and histograms. */
    private String metrics() {
        StringBuilder out = new StringBuilder();
        out.append("# HELP metanode_receipts Receipts in the node's log.\n# TYPE metanode_receipts gauge\n")
                .append("metanode_receipts ").append(log.size()).append('\n');
        out.append("# HELP metanode_apps Deployed apps.\n# TYPE metanode_apps gauge\n")
                .append("metanode_apps ").append(apps.list().size()).append('\n');
        HttpCage running = cage;
        if (running != null) {
            out.append(running.metrics().scrape());
        }
        return out.toString();
    }

    @Override
    public String name() {
        return "http-cage";
    }

    @Override
    public void start() throws InterruptedException, java.io.IOException {
        cage = new HttpCageBuilder(cageConfig())
                .apps(apps::portOf).policies(new AppPolicies(apps::policyOf)).receiptLog(log).store(store).signingKey(key).clock(Clock.SYSTEM)
                .random(RandomSource.secure()).apiCredential(KeyFiles.readSecret(home.apiToken()).trim()).events(events).build();
        cage.start();
        var recovered = cage.recovered();
        if (recovered.batches() > 0) {
            LOG.info("HTTP cage finished {} exchange batches the last run left pending: {} linked to their receipts, "
                    + "{} notarised now, {} without records", recovered.batches() - recovered.left(), recovered.linked(),
                    recovered.renotarised(), recovered.empty());
        }
        if (recovered.left() > 0) {
            LOG.warn("HTTP cage left {} pending exchange batches unsigned: their stored records do not hash to their "
                    + "root, or the receipt log refused the append; they are tried again at the next start", recovered.left());
        }
        String scheme = config.httpTls() ? "https" : "http";
        apps.frontDoor(scheme, cage.port());
        LOG.info("HTTP cage listening on {}://{}:{} (apps at {}://APP.localhost:{}/)", scheme, config.httpHost(),
                cage.port(), scheme, cage.port());
    }

    /** http.host and http.tls from metanode.yaml: TLS 1.3 from the local CA, or plain HTTP on loopback. */
    private HttpCageConfig cageConfig() {
        HttpCageConfig base = HttpCageConfig.loopback(OptionalInt.of(api.port())).withPort(config.httpPort());
        InetAddress bind = config.httpHost().equals("localhost") ? InetAddress.getLoopbackAddress()
                : NodeConfig.literal(config.httpHost());
        return config.httpTls() ? base.withTls(bind, home.tls()) : base.withBindAddress(bind);
    }

    int port() {
        return cage == null ? -1 : cage.port();
    }

    @Override
    public void stop() throws InterruptedException {
        if (cage != null) {
            cage.stop();
        }
    }
}

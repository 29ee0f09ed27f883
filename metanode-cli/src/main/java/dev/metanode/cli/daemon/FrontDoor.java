package dev.metanode.cli.daemon;

import dev.metanode.cli.daemon.apps.AppManager;
import dev.metanode.core.config.NodeConfig;
import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.kernel.Clock;
import dev.metanode.core.kernel.RandomSource;
import dev.metanode.core.kernel.ReceiptLog;
import dev.metanode.core.kernel.Service;
import dev.metanode.core.store.KvStore;
import dev.metanode.httpcage.HttpCage;
import dev.metanode.httpcage.HttpCageBuilder;
import dev.metanode.httpcage.HttpCageConfig;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP cage in front of the node's apps, on loopback: {@code http://APP.localhost:PORT/}
 * reaches the app, every exchange leaves a pipeline receipt. The CLI still talks to the API
 * directly; localhost through the cage reaches the API too, with an API key or JWT.
 */
final class FrontDoor implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(FrontDoor.class);

    private final NodeConfig config;
    private final ApiServer api;
    private final AppManager apps;
    private final ReceiptLog log;
    private final KvStore store;
    private final SigningKey key;
    private HttpCage cage;

    FrontDoor(NodeConfig config, ApiServer api, AppManager apps, ReceiptLog log, KvStore store, SigningKey key) {
        this.config = config;
        this.api = api;
        this.apps = apps;
        this.log = log;
        this.store = store;
        this.key = key;
    }

    @Override
    public String name() {
        return "http-cage";
    }

    @Override
    public void start() throws InterruptedException {
        cage = new HttpCageBuilder(HttpCageConfig.loopback(OptionalInt.of(api.port())).withPort(config.httpPort()))
                .apps(apps::portOf).receiptLog(log).store(store).signingKey(key).clock(Clock.SYSTEM)
                .random(RandomSource.secure()).build();
        cage.start();
        apps.frontDoorPort(cage.port());
        LOG.info("HTTP cage listening on http://127.0.0.1:{} (apps at http://APP.localhost:{}/)", cage.port(),
                cage.port());
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

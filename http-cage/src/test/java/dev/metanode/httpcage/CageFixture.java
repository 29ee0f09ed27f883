package dev.metanode.httpcage;

import dev.metanode.core.http.AppDirectory;
import dev.metanode.core.kernel.Clock;
import dev.metanode.core.log.LogSettings;
import dev.metanode.core.log.StoredReceiptLog;
import dev.metanode.core.store.MemoryKvStore;
import dev.metanode.core.testing.TestKeys;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** A started cage on loopback with a real receipt log in memory and a directory the test fills. */
public final class CageFixture implements AutoCloseable {
    public final MemoryKvStore store = new MemoryKvStore();
    public final StoredReceiptLog log;
    public final Map<String, Integer> apps = new ConcurrentHashMap<>();
    public final AppDirectory directory = app -> Optional.ofNullable(apps.get(app));
    public final HttpCage cage;

    public CageFixture(CageLimits limits) throws Exception {
        this(limits, b -> b);
    }

    public CageFixture(CageLimits limits, UnaryOperator<HttpCageBuilder> customise) throws Exception {
        this(limits, OptionalInt.empty(), customise);
    }

    /** @param apiPort the daemon API stand-in reached as localhost */
    public CageFixture(CageLimits limits, OptionalInt apiPort, UnaryOperator<HttpCageBuilder> customise)
            throws Exception {
        log = StoredReceiptLog.open(store, TestKeys.key(1), "metanode/test", Clock.SYSTEM, LogSettings.DEFAULTS);
        HttpCageConfig config = HttpCageConfig.loopback(apiPort).withLimits(limits);
        cage = customise.apply(new HttpCageBuilder(config).apps(directory).receiptLog(log)).build();
        cage.start();
    }

    public int port() {
        return cage.port();
    }

    public String host(String app) {
        return app + ".localhost:" + port();
    }

    @Override
    public void close() throws Exception {
        cage.stop();
        log.close();
    }
}

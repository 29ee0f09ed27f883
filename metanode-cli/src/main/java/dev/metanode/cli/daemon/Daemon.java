package dev.metanode.cli.daemon;

import dev.metanode.cli.home.HomeInitializer;
import dev.metanode.cli.daemon.apps.AppManager;
import dev.metanode.cli.daemon.apps.AppRoutes;
import dev.metanode.cli.daemon.jobs.JobRoutes;
import dev.metanode.cli.home.NodeHome;
import dev.metanode.docklock.CageConfig;
import dev.metanode.docklock.DockLock;
import java.util.List;
import dev.metanode.core.event.EventBus;
import dev.metanode.core.codec.Json;
import dev.metanode.core.config.ConfigFile;
import dev.metanode.core.config.NodeConfig;
import dev.metanode.core.crypto.KeyFiles;
import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.kernel.Clock;
import dev.metanode.core.kernel.Service;
import dev.metanode.core.kernel.ServiceController;
import dev.metanode.core.log.LogColumns;
import dev.metanode.core.log.StoredReceiptLog;
import dev.metanode.core.receipt.ReceiptDraft;
import dev.metanode.core.receipt.ReceiptKind;
import dev.metanode.core.store.RocksKvStore;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node process: initialises the home on first start, opens the store and the receipt log
 * (which checks itself), serves the API, and on stop (API call or SIGTERM) stops everything in
 * reverse order after a last receipt.
 */
public final class Daemon {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

    private final NodeHome home;
    private final Integer portOverride;
    private final Integer httpPortOverride;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final ServiceController services = new ServiceController();
    private volatile boolean stopping;
    private volatile StoredReceiptLog log;

    public Daemon(NodeHome home, Integer portOverride, Integer httpPortOverride) {
        this.home = home;
        this.portOverride = portOverride;
        this.httpPortOverride = httpPortOverride;
    }

    /** Runs until stopped. */
    public void run() throws Exception {
        HomeInitializer.ensure(home, new SecureRandom());
        try (FileChannel lockFile = FileChannel.open(home.daemonLock(), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("another node is already running with home " + home.root());
            }
            serve();
        }
    }

    private void serve() throws Exception {
        NodeConfig config = ConfigFile.read(home.config());
        if (portOverride != null) {
            config = config.withApiPort(portOverride);
        }
        if (httpPortOverride != null) {
            config = config.withHttpPort(httpPortOverride);
        }
        SigningKey key = KeyFiles.readSigningKey(home.nodeKey());
        String noteKey = HomeInitializer.writePublicKey(home, key, config.checkpointOrigin());
        Instant startedAt = Clock.SYSTEM.instant();
        List<String> columns = new java.util.ArrayList<>(LogColumns.names());
        columns.add(AppManager.APPS.name());
        columns.addAll(dev.metanode.consensus.state.ConsensusColumns.NAMES);
        columns.add(AnchorIndex.COLUMN.name());
        columns.addAll(dev.metanode.httpcage.HttpCage.COLUMNS);
        RocksKvStore store = RocksKvStore.open(home.db(), columns);
        services.add(closing("store", store::close));
        try {
            log = StoredReceiptLog.open(store, key, config.checkpointOrigin(), Clock.SYSTEM, config.log());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        services.add(closing("receipt-log", log::close));
        NodeContext node = new NodeContext(config, key, noteKey, log, Clock.SYSTEM, startedAt, version(),
                this::shutdown);
        Router router = new Router();
        DockLock cage = DockLock.create(CageConfig.defaults().withStateDir(home.runDir().resolve("cage")));
        services.add(closing("cage", cage::close));
        AppManager apps = new AppManager(cage, log, store, home.apps(), home.logs().resolve("apps"), Clock.SYSTEM);
        new NodeRoutes(node, cage).register(router);
        new JobRoutes(cage, log, home.root().resolve("jobs")).register(router);
        new AppRoutes(apps).register(router);
        PeerRoutes peers = new PeerRoutes(config, key);
        peers.register(router);
        services.add(peers);
        ChainService chain = new ChainService(home, config, key, store, peers);
        chain.register(router);
        new ReceiptRoutes(log, chain).register(router);
        chain.anchorCheckpointsOf(log);
        String token = KeyFiles.readSecret(home.apiToken());
        ApiServer api = new ApiServer(config.apiHost(), config.apiPort(), token, router, log);
        EventBus events = new EventBus(Clock.SYSTEM);
        NodeEvents.feedFrom(log, events);
        NodeEvents.feedFrom(chain, events);
        new EventRoutes(events).register(router);
        FrontDoor frontDoor = new FrontDoor(config, home, api, apps, log, store, key, events);
        frontDoor.register(router);
        services.add(api);
        services.start();
        // Apps come back after the node.start receipt, so the log reads in the order things happened.
        log.appendAndWait(ReceiptDraft.builder(ReceiptKind.ACTION, "node", "node.start")
                .input("version", node.version()).input("chainId", config.chainId())
                .result("api", api.url()).build());
        services.startLate(apps);
        services.startLate(chain);
        services.startLate(frontDoor);
        writeDaemonInfo(api.url(), startedAt);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopOnSignal, "sigterm"));
        long sinceProcessStart = ProcessHandle.current().info().startInstant()
                .map(t -> java.time.Duration.between(t, Instant.now()).toMillis()).orElse(-1L);
        LOG.info("node {} ready at {} (home {}, {} ms after process start)", key.publicKey().fingerprint(),
                api.url(), home.root(), sinceProcessStart);
        stopped.await();
    }

    private void writeDaemonInfo(String url, Instant startedAt) throws IOException {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("pid", ProcessHandle.current().pid());
        info.put("url", url);
        info.put("startedAt", startedAt.toString());
        var tmp = home.runDir().resolve("daemon.json.tmp");
        Files.writeString(tmp, Json.write(info) + "\n");
        Files.move(tmp, home.daemonInfo(), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private void stopOnSignal() {
        if (!stopping) {
            try {
                log.appendAndWait(ReceiptDraft.builder(ReceiptKind.ACTION, "node", "node.stop")
                        .input("requestedBy", "signal").build());
            } catch (RuntimeException e) {
                LOG.warn("no stop receipt: {}", e.getMessage());
            }
        }
        shutdown();
    }

    /** Stops services newest-first; safe to call more than once and from the SIGTERM hook. */
    public void shutdown() {
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
        }
        try {
            Files.deleteIfExists(home.daemonInfo());
        } catch (IOException e) {
            LOG.warn("could not remove {}: {}", home.daemonInfo(), e.getMessage());
        }
        services.stop();
        LOG.info("node stopped");
        stopped.countDown();
    }

    private static Service closing(String name, Runnable close) {
        return new Service() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void start() {}

            @Override
            public void stop() {
                close.run();
            }
        };
    }

    static String version() {
        String v = Daemon.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}

package dev.metanode.cli.daemon.apps;

import dev.metanode.core.codec.Json;
import dev.metanode.core.kernel.Clock;
import dev.metanode.core.kernel.ReceiptLog;
import dev.metanode.core.kernel.Service;
import dev.metanode.core.receipt.LoggedReceipt;
import dev.metanode.core.receipt.ReceiptDraft;
import dev.metanode.core.receipt.ReceiptKind;
import dev.metanode.core.receipt.Subject;
import dev.metanode.core.store.Codecs;
import dev.metanode.core.store.ColumnSpec;
import dev.metanode.core.store.KvStore;
import dev.metanode.core.store.WriteBatch;
import dev.metanode.core.workload.NetworkMode;
import dev.metanode.core.workload.OutputListener;
import dev.metanode.core.workload.RunResult;
import dev.metanode.core.workload.RunSpec;
import dev.metanode.core.workload.WorkloadRuntime;
import dev.metanode.docklock.supervise.Supervisor;
import dev.metanode.httpcage.AppPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deployed apps: each runs in the cage under a {@link Supervisor} (restart with backoff), is
 * remembered in the store so a node restart brings it back, and leaves a receipt at every step:
 * deploy, start, exit, restart, remove.
 */
public final class AppManager implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(AppManager.class);
    /** name -> {digest, source, deployedAt} JSON. */
    public static final ColumnSpec<String, String> APPS = new ColumnSpec<>("apps", Codecs.UTF8, Codecs.UTF8);
    static final Duration STOP_GRACE = Duration.ofSeconds(5);
    static final int APPS_MAX = 256;

    /** One deployed app and its supervision. */
    record App(AppManifest manifest, String digest, Path dir, String deployedAt, Supervisor supervisor, AppLog log) {}

    private final WorkloadRuntime runtime;
    private final ReceiptLog receipts;
    private final KvStore store;
    private final Path appsDir;
    private final Path logsDir;
    private final Clock clock;
    private final Map<String, App> apps = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    /** The HTTP cage's port once it listens; app URLs go through it. */
    private volatile int frontDoorPort;
    private volatile String frontDoorScheme = "http";

    public AppManager(WorkloadRuntime runtime, ReceiptLog receipts, KvStore store, Path appsDir, Path logsDir,
            Clock clock) {
        this.runtime = runtime;
        this.receipts = receipts;
        this.store = store;
        this.appsDir = appsDir;
        this.logsDir = logsDir;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "apps";
    }

    /** Brings back every app deployed before the node stopped. */
    @Override
    public void start() throws IOException {
        Files.createDirectories(logsDir);
        List<Map.Entry<String, String>> saved = new ArrayList<>();
        store.scan(APPS, null, (name, json) -> saved.add(Map.entry(name, json)));
        for (Map.Entry<String, String> e : saved) {
            try {
                var record = Json.parse(e.getValue());
                Path dir = appsDir.resolve(e.getKey());
                recordStart(launch(AppManifest.read(dir), record.path("digest").asText(), dir,
                        record.path("deployedAt").asText()), "node restart");
            } catch (RuntimeException ex) {
                LOG.error("app {} could not be restarted: {}", e.getKey(), ex.getMessage());
            }
        }
    }

    @Override
    public void stop() {
        stopping = true;
        apps.values().parallelStream().forEach(app -> app.supervisor().stop(STOP_GRACE));
    }

    /** Deploys (or redeploys) the app in {@code source}; returns the deploy receipt. */
    public synchronized Map<String, Object> deploy(Path source, String actor) throws IOException {
        AppManifest manifest = AppManifest.read(source);
        if (!apps.containsKey(manifest.name()) && apps.size() >= APPS_MAX) {
            throw new IllegalArgumentException("this node already runs " + APPS_MAX + " apps");
        }
        App old = apps.remove(manifest.name());
        if (old != null) {
            old.supervisor().stop(STOP_GRACE);
        }
        Path dir = appsDir.resolve(manifest.name());
        String digest = AppBundle.copy(source, dir);
        String deployedAt = clock.instant().toString();
        App app;
        try {
            app = launch(manifest, digest, dir, deployedAt);
        } catch (RuntimeException e) {
            AppBundle.deleteTree(dir);
            throw e;
        }
        LoggedReceipt deployed = receipts.appendAndWait(ReceiptDraft.builder(ReceiptKind.STEP, actor, "app.deploy")
                .subject(new Subject("app:" + manifest.name(), digest))
                .input("app", manifest.name()).input("source", source.toString()).input("command", manifest.command())
                .input("port", manifest.port()).result("redeploy", old != null).build());
        Map<String, Object> record = Map.of("digest", digest, "source", source.toString(), "deployedAt", deployedAt);
        store.write(new WriteBatch().put(APPS, manifest.name(), Json.write(record)), true);
        recordStart(app, old == null ? "deploy" : "redeploy");
        Map<String, Object> out = new LinkedHashMap<>(describe(app));
        out.put("receipt", deployed.id());
        return out;
    }

    private App launch(AppManifest manifest, String digest, Path dir, String deployedAt) {
        AppLog log = new AppLog(logsDir.resolve(manifest.name() + ".log"));
        Map<String, String> env = new LinkedHashMap<>(manifest.env());
        if (manifest.port() > 0) {
            env.put("PORT", Integer.toString(manifest.port()));
        }
        RunSpec spec = RunSpec.builder(manifest.command()).env(env).appDir(dir).limits(manifest.limits())
                .network(NetworkMode.HOST).timeout(RunSpec.TIMEOUT_MAX).actor("app:" + manifest.name()).build();
        String name = manifest.name();
        Supervisor supervisor = new Supervisor(runtime, spec, manifest.restart(), clock, log,
                result -> exited(name, result));
        supervisor.start();
        App app = new App(manifest, digest, dir, deployedAt, supervisor, log);
        apps.put(name, app);
        return app;
    }

    private void recordStart(App app, String why) {
        long pid = app.supervisor().current().map(r -> r.pid()).orElse(-1L);
        app.log().note("started (" + why + "), pid " + pid);
        receipts.appendAndWait(ReceiptDraft.builder(ReceiptKind.STEP, "node", "app.start")
                .subject(new Subject("app:" + app.manifest().name(), app.digest())).input("app", app.manifest().name())
                .input("reason", why).result("pid", pid).build());
    }

    private void exited(String name, RunResult result) {
        App app = apps.get(name);
        ReceiptDraft run = result.receipt();
        Map<String, Object> inputs = new LinkedHashMap<>(run.inputs());
        inputs.put("app", name);
        receipts.appendAndWait(new ReceiptDraft(ReceiptKind.STEP, "app:" + name, "app.exit", run.subjects(), inputs,
                run.result(), run.policy(), run.resources()));
        if (app == null || stopping) {
            return;
        }
        app.log().note("exited: " + result.exit() + (result.contained() ? " " + result.containments() : ""));
        boolean restarting = !app.supervisor().finished().isDone();
        receipts.appendAndWait(ReceiptDraft.builder(ReceiptKind.STEP, "node", restarting ? "app.restart" : "app.gave-up")
                .input("app", name).input("exit", result.exit().toString())
                .result("starts", app.supervisor().starts()).build());
    }

    /** Stops and forgets an app; returns the remove receipt. */
    public synchronized LoggedReceipt remove(String name, String actor) throws IOException {
        App app = Optional.ofNullable(apps.remove(name))
                .orElseThrow(() -> new IllegalArgumentException("no app named '" + name + "' is deployed"));
        app.supervisor().stop(STOP_GRACE);
        store.write(new WriteBatch().delete(APPS, name), true);
        AppBundle.deleteTree(app.dir());
        app.log().delete();
        return receipts.appendAndWait(ReceiptDraft.builder(ReceiptKind.STEP, actor, "app.remove")
                .subject(new Subject("app:" + name, app.digest())).input("app", name)
                .result("starts", app.supervisor().starts()).build());
    }

    public List<Map<String, Object>> list() {
        return apps.values().stream().sorted(java.util.Comparator.comparing(a -> a.manifest().name()))
                .map(this::describe).toList();
    }

    /** The loopback port a deployed app listens on: the HTTP cage's routing table. */
    public Optional<Integer> portOf(String name) {
        return Optional.ofNullable(apps.get(name)).map(a -> a.manifest().port()).filter(p -> p > 0);
    }

    /** What the HTTP cage enforces in front of a deployed app (its manifest's {@code http} section). */
    public Optional<AppPolicy> policyOf(String name) {
        return Optional.ofNullable(apps.get(name)).map(a -> a.manifest().http());
    }

    public void frontDoor(String scheme, int port) {
        this.frontDoorScheme = scheme;
        this.frontDoorPort = port;
    }

    public Optional<App> app(String name) {
        return Optional.ofNullable(apps.get(name));
    }

    Map<String, Object> describe(App app) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", app.manifest().name());
        out.put("state", app.supervisor().finished().isDone() ? "stopped"
                : app.supervisor().current().map(r -> r.isAlive() ? "running" : "restarting").orElse("starting"));
        out.put("pid", app.supervisor().current().map(r -> r.pid()).orElse(-1L));
        out.put("port", app.manifest().port());
        String name = app.manifest().name();
        out.put("url", app.manifest().port() <= 0 ? ""
                : frontDoorPort > 0 ? frontDoorScheme + "://" + name + ".localhost:" + frontDoorPort + "/"
                : "http://127.0.0.1:" + app.manifest().port() + "/");
        out.put("directUrl", app.manifest().port() > 0 ? "http://127.0.0.1:" + app.manifest().port() + "/" : "");
        out.put("starts", app.supervisor().starts());
        out.put("digest", app.digest());
        out.put("deployedAt", app.deployedAt());
        out.put("command", String.join(" ", app.manifest().command()));
        return out;
    }
}

package dev.metanode.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.cli.UserException;
import dev.metanode.cli.client.DaemonInfo;
import dev.metanode.cli.home.NodeHome;
import dev.metanode.cli.options.HomeOptions;
import dev.metanode.core.net.netty.NettyJvmOptions;
import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Starts the node in the background (or attached with --foreground) and waits until it is ready. */
@Command(name = "start", description = "Start the node: in the background unless --foreground.")
public final class StartCommand implements Callable<Integer> {
    /** How long start waits for the node to come up before giving up. */
    static final long READY_WAIT_MS_MAX = 60_000;
    private static final long READY_POLL_MS = 20;

    @Mixin
    HomeOptions homeOptions;

    @Option(names = "--foreground", description = "Stay attached: run the node in this process until stopped.")
    boolean foreground;

    @Option(names = "--api-port", paramLabel = "PORT", description = "API port (default from metanode.yaml: 7450; 0 = any free port).")
    Integer apiPort;

    @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP cage port for apps (default from metanode.yaml: 7480; 0 = any free port).")
    Integer httpPort;

    @Override
    public Integer call() throws Exception {
        if (foreground) {
            return DaemonCommand.runNode(homeOptions, apiPort, httpPort);
        }
        NodeHome home = homeOptions.home();
        Optional<JsonNode> running = DaemonInfo.read(home);
        if (running.isPresent()) {
            System.out.println("metanode node already running at " + running.get().path("url").asText() + " (pid "
                    + running.get().path("pid").asLong() + ", home " + home.root() + ")");
            return 0;
        }
        Files.createDirectories(home.logs());
        long begin = System.nanoTime();
        Process process = spawn(home);
        JsonNode info = awaitReady(home, process);
        long ms = (System.nanoTime() - begin) / 1_000_000;
        System.out.println("metanode node started at " + info.path("url").asText() + " (pid " + process.pid()
                + ", home " + home.root() + ", ready in " + ms + " ms)");
        return 0;
    }

    private Process spawn(NodeHome home) throws IOException {
        List<String> command = new ArrayList<>();
        // setsid puts the node in its own session, so closing the terminal does not hang it up.
        if (new File("/usr/bin/setsid").canExecute()) {
            command.add("/usr/bin/setsid");
        }
        command.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String jar = ownJar();
        // A class-data archive next to the jar, made by the first start, halves later start times.
        // -jar (not -cp) so the manifest grants native access: the flag would disable the archive.
        String archive = jar.replaceAll("\\.jar$", "") + "-daemon.jsa";
        java.io.File archiveFile = new java.io.File(archive);
        if (archiveFile.lastModified() < new java.io.File(jar).lastModified()) {
            // A stale archive is refused by the JVM and never rewritten; remove it so it is made afresh.
            archiveFile.delete();
        }
        command.addAll(NettyJvmOptions.forChildJvm());
        // The heap starts small (idle RSS) and may grow to 1 GiB under load: the serial collector
        // sizes the young generation from the heap, and with a 512 MiB cap a validator under load
        // promoted in-flight transactions early and paused for full collections.
        command.addAll(List.of("-XX:+UseSerialGC", "-Xms16m", "-Xmx1g", "-XX:MaxMetaspaceSize=128m",
                "-XX:ReservedCodeCacheSize=64m", "-Xss512k",
                "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off"));
        command.addAll(priorityOptions());
        command.addAll(extraJvmOptions());
        command.addAll(List.of("-jar", jar, "daemon", "--home", home.root().toString()));
        if (apiPort != null) {
            command.addAll(List.of("--api-port", apiPort.toString()));
        }
        if (httpPort != null) {
            command.addAll(List.of("--http-port", httpPort.toString()));
        }
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.daemonOutput().toFile()));
        return pb.start();
    }

    /**
     * Thread priorities that the kernel honours (as nice values) when the node runs as root: the
     * consensus thread, which every block waits for, ahead of the signature-check pool, which works
     * through a backlog. Without the option Linux ignores Java priorities; for other users the JVM
     * would warn and ignore them anyway, so it is left out.
     */
    static List<String> priorityOptions() {
        try {
            if ("off".equals(System.getenv("METANODE_PRIORITIES"))) {
                return List.of();
            }
            Object uid = java.nio.file.Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid) ? List.of("-XX:ThreadPriorityPolicy=1") : List.of();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return List.of();
        }
    }

    /**
     * {@code METANODE_JVM_OPTS}: more options for the daemon's JVM, split at spaces (a profiler agent,
     * GC logging, another heap cap); later options win over the defaults above.
     */
    static List<String> extraJvmOptions() {
        String extra = System.getenv("METANODE_JVM_OPTS");
        return extra == null || extra.isBlank() ? List.of() : List.of(extra.trim().split("\\s+"));
    }

    private JsonNode awaitReady(NodeHome home, Process process) throws Exception {
        long deadline = System.nanoTime() + READY_WAIT_MS_MAX * 1_000_000;
        while (System.nanoTime() < deadline) {
            Optional<JsonNode> info = DaemonInfo.read(home);
            if (info.isPresent() && healthy(info.get().path("url").asText())) {
                return info.get();
            }
            if (!process.isAlive() && !childAlive(process)) {
                throw new UserException("the node did not start: " + lastError(home.daemonOutput()));
            }
            Thread.sleep(READY_POLL_MS);
        }
        throw new UserException("the node did not become ready within " + READY_WAIT_MS_MAX / 1000
                + " s; see " + home.daemonOutput());
    }

    /** With setsid the direct child may exit at once while the node (its child) lives on. */
    private static boolean childAlive(Process process) {
        return process.descendants().anyMatch(ProcessHandle::isAlive);
    }

    private static boolean healthy(String url) {
        try {
            HttpURLConnection conn = (HttpURLConnection) URI.create(url + "/healthz").toURL().openConnection();
            conn.setConnectTimeout(500);
            conn.setReadTimeout(1_000);
            boolean ok = conn.getResponseCode() == 200;
            conn.disconnect();
            return ok;
        } catch (IOException e) {
            return false;
        }
    }

    static String lastError(Path output) {
        try {
            List<String> lines = Files.readAllLines(output);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).startsWith("metanode: ")) {
                    return lines.get(i).substring("metanode: ".length());
                }
            }
            return lines.isEmpty() ? "no output (see " + output + ")" : lines.get(lines.size() - 1);
        } catch (IOException e) {
            return "see " + output;
        }
    }

    static String ownJar() {
        try {
            return Path.of(StartCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate the metanode jar", e);
        }
    }
}

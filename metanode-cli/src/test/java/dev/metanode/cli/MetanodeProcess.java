package dev.metanode.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real launcher, bin/metanode, as a user would, with a home of the test's own. */
final class MetanodeProcess {
    private static final long COMMAND_TIMEOUT_S = 90;

    /** What one command did. */
    record Result(int exit, String out, String err, long millis) {
        String all() {
            return out + err;
        }
    }

    private final Path home;

    MetanodeProcess(Path home) {
        this.home = home;
    }

    /** A copy of examples/hello under {@code dir}/hello that listens on {@code port}. */
    static Path sampleApp(Path dir, int port) throws java.io.IOException {
        Path source = launcher().getParent().getParent().resolve("examples/hello");
        Path app = dir.resolve("hello");
        java.nio.file.Files.createDirectories(app);
        java.nio.file.Files.copy(source.resolve("Hello.java"), app.resolve("Hello.java"));
        java.nio.file.Files.writeString(app.resolve("metanode.yaml"),
                java.nio.file.Files.readString(source.resolve("metanode.yaml")).replace("port: 8080", "port: " + port));
        return app;
    }

    static Path launcher() {
        String path = System.getProperty("metanode.launcher");
        if (path == null) {
            throw new IllegalStateException("run through failsafe: metanode.launcher is not set");
        }
        return Path.of(path);
    }

    Result run(String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("metanode-out", ".txt");
        Path err = Files.createTempFile("metanode-err", ".txt");
        long begin = System.nanoTime();
        Process process = processBuilder(args, out, err).start();
        if (!process.waitFor(COMMAND_TIMEOUT_S, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("metanode " + String.join(" ", args) + " did not finish in " + COMMAND_TIMEOUT_S + " s");
        }
        long millis = (System.nanoTime() - begin) / 1_000_000;
        Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), millis);
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return result;
    }

    /** A command left running, its output going to files that can be read while it runs. */
    record Background(Process process, Path outFile, Path errFile) {
        String out() throws IOException {
            return Files.readString(outFile, StandardCharsets.UTF_8);
        }

        String err() throws IOException {
            return Files.readString(errFile, StandardCharsets.UTF_8);
        }

        /** The exit status, waiting at most {@code seconds}. */
        int exit(long seconds) throws InterruptedException {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                throw new AssertionError("still running after " + seconds + " s");
            }
            return process.exitValue();
        }
    }

    /** Starts a command that keeps running (events, logs -f); the caller stops it. */
    Background start(String... args) throws IOException {
        Path out = Files.createTempFile("metanode-out", ".txt");
        Path err = Files.createTempFile("metanode-err", ".txt");
        out.toFile().deleteOnExit();
        err.toFile().deleteOnExit();
        return new Background(processBuilder(args, out, err).start(), out, err);
    }

    /** The launcher with {@code args}, this home, no JAVA_HOME (the launcher finds a JDK), output to files. */
    private ProcessBuilder processBuilder(String[] args, Path out, Path err) {
        List<String> command = new ArrayList<>();
        command.add(launcher().toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("METANODE_HOME", home.toString());
        pb.environment().remove("JAVA_HOME");
        return pb.redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    }

    Result ok(String... args) throws IOException, InterruptedException {
        Result r = run(args);
        if (r.exit() != 0) {
            throw new AssertionError("metanode " + String.join(" ", args) + " exited " + r.exit() + ":\n" + r.all());
        }
        return r;
    }

    Path home() {
        return home;
    }
}

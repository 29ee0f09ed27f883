package dev.metanode.docklock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/** One cage runtime for all tests, plus helpers to make app directories and compile test programs. */
final class TestCage {
    private static DockLock cage;

    private TestCage() {}

    static synchronized DockLock cage() {
        if (cage == null) {
            cage = DockLock.create();
            // Remove its cgroups made ahead when the test JVM ends, as the node does on shutdown.
            Runtime.getRuntime().addShutdownHook(new Thread(cage::close, "test-cage-close"));
        }
        return cage;
    }

    /** A directory the cage user can read (JUnit's temp directories are private to root). */
    static Path appDir(Path base, String name) throws IOException {
        Path dir = Files.createDirectories(base.resolve(name));
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    /** Compiles a C program with gcc into the app directory; returns its path inside the cage. */
    static String compile(Path appDir, String name, String source, String... flags) throws IOException, InterruptedException {
        Path c = appDir.resolve(name + ".c");
        Files.writeString(c, source);
        List<String> cmd = new ArrayList<>(List.of("gcc", "-O1", "-o", appDir.resolve(name).toString(), c.toString()));
        cmd.addAll(List.of(flags));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("gcc failed for " + name + ":\n" + out);
        }
        return "/app/" + name;
    }
}

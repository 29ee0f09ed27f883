package dev.metanode.docklock.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The JNI binding of libdocklock.so. The libraries ship in the jar under
 * {@code native/linux-x86_64/} and are extracted once per JVM to a private temporary directory.
 */
public final class NativeCage {
    private static final String RESOURCE_DIR = "/native/linux-x86_64/";
    private static final Path DIR;
    private static final Path PRELOAD;
    private static final Path INIT;

    static {
        try {
            DIR = Files.createTempDirectory("docklock-native-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            // The cage's user may have to read the preload library: directory 0711, file 0644.
            Files.setPosixFilePermissions(DIR, PosixFilePermissions.fromString("rwx--x--x"));
            Path library = extract("libdocklock.so");
            PRELOAD = extract("libdlclock.so");
            INIT = extract("docklock-init");
            Files.setPosixFilePermissions(INIT, PosixFilePermissions.fromString("rwxr-xr-x"));
            DIR.toFile().deleteOnExit();
            System.load(library.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the cage's native library", e);
        }
    }

    private NativeCage() {}

    private static Path extract(String name) throws IOException {
        Path target = DIR.resolve(name);
        try (InputStream in = NativeCage.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IOException(name + " is not in the jar: the build did not compile the native part");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        target.toFile().deleteOnExit();
        return target;
    }

    /** Loads the library now (it loads on first use otherwise); fails if it cannot. */
    public static void ensureLoaded() {
        // the static initializer did the work
    }

    /** The LD_PRELOAD library that routes libc's clock reads through seccomp. */
    public static Path preloadLibrary() {
        return PRELOAD;
    }

    /** The static pid-1 program of every cage. */
    public static Path initProgram() {
        return INIT;
    }

    /**
     * Clones the cage and waits until the workload has exec'd or its setup failed.
     *
     * @return {hostPid, pidfd, stdinFd, stdoutFd, stderrFd, reportFd, listenerFd or -1}
     * @throws CageSetupException when a setup step in the child failed
     * @throws IOException        when the clone itself failed
     */
    static native long[] spawn(String[] argv, String[] env, String[] strings, long[] numbers, byte[] bpf)
            throws IOException;

    /** Reads up to {@code len} bytes; -1 at end of stream. */
    public static native int read(int fd, byte[] buf, int off, int len) throws IOException;

    public static native int write(int fd, byte[] buf, int off, int len) throws IOException;

    public static native void close(int fd);

    /** Blocks until fd1 or fd2 (-1 for none) is readable or closed: bit 0 for fd1, bit 1 for fd2. */
    public static native int pollIn(int fd1, int fd2) throws IOException;

    /** Sends a signal through a pidfd; false when the process is gone. */
    public static native boolean signal(int pidfd, int signal);

    /** Waits for the cage's init: {exit code or -1, signal, userMicros, systemMicros, maxRssKiB}. */
    public static native long[] waitExit(int pidfd) throws IOException;

    /** Serves seccomp notifications until the cage is gone: {nr, count}* pairs, then the emulated count. */
    public static native long[] superviseNotifications(int listenerFd, long seed);
}

package dev.metanode.docklock;

import java.nio.file.Path;
import java.util.List;

/**
 * Node-wide settings of the cage.
 *
 * @param stateDir     a private directory the cage may use (its empty root mount point lives here)
 * @param cageUid      user id the program runs as (inside the cage; on the host too when the node is root)
 * @param cageGid      group id the program runs as
 * @param hostname     the cage's hostname
 * @param urandomBytes size of the seeded {@code /dev/urandom} file of a seeded run
 * @param etcFiles     host {@code /etc} entries shown read-only in the cage
 * @param useCgroups   false to enforce limits with rlimits only even where cgroups work (tests, odd hosts)
 */
public record CageConfig(Path stateDir, int cageUid, int cageGid, String hostname, long urandomBytes,
        List<String> etcFiles, boolean useCgroups) {

    /** The traditional "nobody". */
    public static final int NOBODY = 65534;
    /** Largest seeded urandom file; it is written into the cage's /dev on every seeded start. */
    public static final long URANDOM_BYTES_MAX = 16L << 20;
    /** What a dynamically linked program needs from /etc, and nothing secret. */
    public static final List<String> DEFAULT_ETC_FILES = List.of("ld.so.cache", "ld.so.conf", "ld.so.conf.d",
            "nsswitch.conf", "alternatives", "protocols", "services", "ssl");

    public CageConfig {
        etcFiles = List.copyOf(etcFiles);
        if (urandomBytes <= 0 || urandomBytes > URANDOM_BYTES_MAX) {
            throw new IllegalArgumentException("urandomBytes must be 1.." + URANDOM_BYTES_MAX + ": " + urandomBytes);
        }
        for (String f : etcFiles) {
            if (f.isEmpty() || f.contains("/") || f.contains("\n") || f.startsWith(".")) {
                throw new IllegalArgumentException("etc entry must be a plain name: " + f);
            }
        }
        if (hostname.isEmpty() || hostname.length() > 64) {
            throw new IllegalArgumentException("hostname must be 1..64 characters");
        }
    }

    /**
     * Defaults: state under the temp directory, uid/gid 65534, hostname "docklock", 1 MiB urandom,
     * {@link #DEFAULT_ETC_FILES} plus the host's JDK configuration directories.
     */
    public static CageConfig defaults() {
        String user = System.getProperty("user.name", "user");
        return new CageConfig(Path.of(System.getProperty("java.io.tmpdir"), "docklock-" + user), NOBODY, NOBODY,
                "docklock", 1L << 20, withHostJavaConfig(DEFAULT_ETC_FILES), true);
    }

    /**
     * Debian's JDKs keep their security and logging configuration in /etc/java-N-openjdk (their
     * conf/ links there), so a JVM in the cage fails without it; nothing in it is secret.
     */
    static List<String> withHostJavaConfig(List<String> base) {
        List<String> out = new java.util.ArrayList<>(base);
        try (java.util.stream.Stream<Path> etc = java.nio.file.Files.list(Path.of("/etc"))) {
            etc.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("java-") && n.matches("[a-z0-9.-]+"))
                    .sorted().forEach(out::add);
        } catch (java.io.IOException e) {
            // no /etc listing: the cage runs without the JDK configuration
        }
        return out;
    }

    public CageConfig withStateDir(Path dir) {
        return new CageConfig(dir, cageUid, cageGid, hostname, urandomBytes, etcFiles, useCgroups);
    }

    public CageConfig withUseCgroups(boolean value) {
        return new CageConfig(stateDir, cageUid, cageGid, hostname, urandomBytes, etcFiles, value);
    }
}

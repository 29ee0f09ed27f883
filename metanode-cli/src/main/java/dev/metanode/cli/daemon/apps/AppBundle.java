package dev.metanode.cli.daemon.apps;

import dev.metanode.core.crypto.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A deployed copy of an app directory and its digest: SHA-256 over the sorted lines
 * "relative-path sha256-of-content", so the same files always give the same digest.
 */
final class AppBundle {
    static final long BUNDLE_BYTES_MAX = 256L << 20;
    static final int BUNDLE_FILES_MAX = 10_000;

    private AppBundle() {}

    /** Copies {@code source} to {@code target} (replacing it) and returns the bundle digest. */
    static String copy(Path source, Path target) throws IOException {
        List<Path> files = regularFiles(source);
        Path staging = target.resolveSibling(target.getFileName() + ".staging");
        deleteTree(staging);
        MessageDigest bundle = Sha256.newDigest();
        long total = 0;
        for (Path file : files) {
            Path rel = source.relativize(file);
            total += Files.size(file);  // checked before reading, so a huge file is never loaded
            if (total > BUNDLE_BYTES_MAX) {
                throw new IllegalArgumentException(source + " holds more than " + BUNDLE_BYTES_MAX + " bytes");
            }
            Path dest = staging.resolve(rel.toString());
            Files.createDirectories(dest.getParent());
            // Read once: the same bytes are written and digested, so the digest is of what was deployed.
            byte[] content = Files.readAllBytes(file);
            Files.write(dest, content);
            Files.setPosixFilePermissions(dest, Files.getPosixFilePermissions(file));
            String line = rel + " " + HexFormat.of().formatHex(Sha256.digest(content)) + "\n";
            bundle.update(line.getBytes(StandardCharsets.UTF_8));
        }
        deleteTree(target);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        return HexFormat.of().formatHex(bundle.digest());
    }

    private static List<Path> regularFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList();
            if (files.size() > BUNDLE_FILES_MAX) {
                throw new IllegalArgumentException(dir + " holds more than " + BUNDLE_FILES_MAX + " files");
            }
            return files;
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

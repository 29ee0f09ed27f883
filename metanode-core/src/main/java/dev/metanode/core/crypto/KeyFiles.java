package dev.metanode.core.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Set;

/**
 * Secret files (keys, tokens): created 0600 before any byte is written, replaced atomically,
 * and refused on load when someone else can read them.
 */
public final class KeyFiles {
    private static final String KEY_HEADER = "metanode-ed25519-seed ";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private KeyFiles() {}

    public static void writeSigningKey(Path file, SigningKey key) throws IOException {
        writeSecret(file, KEY_HEADER + Base64.getEncoder().encodeToString(key.seed()) + "\n");
    }

    public static SigningKey readSigningKey(Path file) throws IOException {
        String text = readSecret(file).trim();
        if (!text.startsWith(KEY_HEADER)) {
            throw new IOException(file + " is not a Metanode key file");
        }
        try {
            return SigningKey.fromSeed(Base64.getDecoder().decode(text.substring(KEY_HEADER.length())));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " holds a damaged key: " + e.getMessage(), e);
        }
    }

    /** Writes text to a 0600 file: a temp file with owner-only permissions, fsynced, then moved into place. */
    public static void writeSecret(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".tmp-", ".secret", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static String readSecret(Path file) throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
            throw new IOException(file + " is readable by others (mode "
                    + PosixFilePermissions.toString(perms) + "); run: chmod 600 " + file);
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}

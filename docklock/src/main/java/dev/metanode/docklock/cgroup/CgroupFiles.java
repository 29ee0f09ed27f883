package dev.metanode.docklock.cgroup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small reads and writes of cgroup control files. */
final class CgroupFiles {
    /** Tries to remove a cgroup whose last processes are still being released. */
    private static final int REMOVE_TRIES_MAX = 50;
    private static final long REMOVE_RETRY_MS = 2;

    private CgroupFiles() {}

    static void write(Path file, String value) {
        try {
            Files.writeString(file, value, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + value + " to " + file, e);
        }
    }

    static long readLong(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return text.equals("max") ? Long.MAX_VALUE : Long.parseLong(text);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** The number after {@code key} in a flat keyed file such as memory.events; 0 when absent. */
    static long readKey(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2 && parts[0].equals(key)) {
                    return Long.parseLong(parts[1]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** One rmdir: false when the cgroup still holds processes (EBUSY) or is gone. */
    static boolean removeOnce(Path dir) {
        try {
            return Files.deleteIfExists(dir);
        } catch (IOException e) {
            return false;
        }
    }

    static void remove(Path dir) {
        for (int i = 0; i < REMOVE_TRIES_MAX; i++) {
            try {
                Files.deleteIfExists(dir);
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(REMOVE_RETRY_MS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}

package dev.metanode.cli.daemon.apps;

import dev.metanode.core.workload.OutputChannel;
import dev.metanode.core.workload.OutputListener;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An app's output: appended to {@code logs/apps/NAME.log} (started afresh past {@link #FILE_BYTES_MAX},
 * the old one kept as {@code .1}) and handed to followers ({@code metanode logs -f}).
 */
final class AppLog implements OutputListener {
    static final long FILE_BYTES_MAX = 16L << 20;
    /** What {@code metanode logs} shows without -f: the last this-many bytes. */
    static final int TAIL_BYTES_MAX = 64 * 1024;

    private final Path file;
    private final List<OutputListener> followers = new CopyOnWriteArrayList<>();

    AppLog(Path file) {
        this.file = file;
    }

    @Override
    public synchronized void onOutput(OutputChannel channel, byte[] bytes) {
        try {
            if (Files.exists(file) && Files.size(file) > FILE_BYTES_MAX) {
                Files.move(file, file.resolveSibling(file.getFileName() + ".1"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the log file is a convenience; followers still get the bytes
        }
        followers.forEach(f -> f.onOutput(channel, bytes));
    }

    void note(String line) {
        onOutput(OutputChannel.STDERR, ("[metanode] " + line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    byte[] tail() throws IOException {
        if (!Files.exists(file)) {
            return new byte[0];
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, raf.length() - TAIL_BYTES_MAX);
            byte[] out = new byte[(int) (raf.length() - start)];
            raf.seek(start);
            raf.readFully(out);
            return out;
        }
    }

    void follow(OutputListener listener) {
        followers.add(listener);
    }

    void unfollow(OutputListener listener) {
        followers.remove(listener);
    }

    void delete() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".1"));
    }
}

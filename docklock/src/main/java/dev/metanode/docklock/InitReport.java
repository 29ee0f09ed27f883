package dev.metanode.docklock;

import dev.metanode.core.workload.ExitStatus;
import dev.metanode.docklock.internal.NativeCage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * What the cage's init (pid 1) reports once the program has exited: its wait status, the /tmp
 * usage, and the rusage of all reaped processes. Layout: struct init_report in cage.h.
 */
record InitReport(ExitStatus exit, long tmpUsedBytes, long tmpTotalBytes, long userMicros, long systemMicros,
        long maxRssKiB) {
    private static final int MAGIC = 0x444c4b31;
    private static final int BYTES = 48;

    /** Reads the report pipe to its end; empty when init died before reporting (killed). */
    static Optional<InitReport> read(int fd) {
        byte[] buf = new byte[BYTES];
        int got = 0;
        try {
            while (got < BYTES) {
                int n = NativeCage.read(fd, buf, got, BYTES - got);
                if (n <= 0) {
                    break;
                }
                got += n;
            }
        } catch (IOException e) {
            return Optional.empty();
        } finally {
            NativeCage.close(fd);
        }
        if (got < BYTES) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(buf).order(ByteOrder.nativeOrder());
        if (b.getInt() != MAGIC) {
            return Optional.empty();
        }
        int status = b.getInt();
        ExitStatus exit = (status & 0x7f) == 0 ? ExitStatus.exited((status >> 8) & 0xff) : ExitStatus.killed(status & 0x7f);
        return Optional.of(new InitReport(exit, b.getLong(), b.getLong(), b.getLong(), b.getLong(), b.getLong()));
    }

    /** True when /tmp had no free block left. */
    boolean tmpfsFull() {
        return tmpTotalBytes > 0 && tmpUsedBytes >= tmpTotalBytes;
    }
}

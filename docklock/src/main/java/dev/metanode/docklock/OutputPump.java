package dev.metanode.docklock;

import dev.metanode.core.crypto.Sha256;
import dev.metanode.core.workload.CapturedOutput;
import dev.metanode.core.workload.OutputChannel;
import dev.metanode.core.workload.OutputListener;
import dev.metanode.docklock.internal.NativeCage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/** Drains one output pipe of a cage: digests everything, keeps a bounded head, feeds the listener. */
final class OutputPump implements Runnable {
    private static final int CHUNK_BYTES = 64 * 1024;

    private final int fd;
    private final OutputChannel channel;
    private final OutputListener listener;
    private final int keepBytesMax;
    private final MessageDigest digest = Sha256.newDigest();
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private long total;
    private volatile CapturedOutput result;

    OutputPump(int fd, OutputChannel channel, OutputListener listener, int keepBytesMax) {
        this.fd = fd;
        this.channel = channel;
        this.listener = listener;
        this.keepBytesMax = keepBytesMax;
    }

    @Override
    public void run() {
        byte[] buf = new byte[CHUNK_BYTES];
        try {
            for (int n; (n = NativeCage.read(fd, buf, 0, buf.length)) > 0;) {
                digest.update(buf, 0, n);
                total += n;
                int keep = (int) Math.min(n, keepBytesMax - head.size());
                if (keep > 0) {
                    head.write(buf, 0, keep);
                }
                try {
                    listener.onOutput(channel, Arrays.copyOf(buf, n));
                } catch (RuntimeException e) {
                    // a failing listener must not stop the draining, or the cage would block on a full pipe
                }
            }
        } catch (IOException e) {
            // the pipe broke: what was read so far is the output
        } finally {
            NativeCage.close(fd);
            result = new CapturedOutput(head.toByteArray(), total, HexFormat.of().formatHex(digest.digest()));
        }
    }

    /** Valid after the pump's task has finished. */
    CapturedOutput result() {
        return result;
    }
}

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

/**
 * Drains a cage's stdout and stderr from one thread (poll over both pipes): digests everything,
 * keeps a bounded head of each, feeds the listener.
 */
final class OutputPump {
    private static final int CHUNK_BYTES = 64 * 1024;

    /** One stream's digest and head. */
    private static final class Stream {
        final OutputChannel channel;
        final MessageDigest digest = Sha256.newDigest();
        final ByteArrayOutputStream head = new ByteArrayOutputStream();
        int fd;
        long total;

        Stream(int fd, OutputChannel channel) {
            this.fd = fd;
            this.channel = channel;
        }

        CapturedOutput result() {
            return new CapturedOutput(head.toByteArray(), total, HexFormat.of().formatHex(digest.digest()));
        }
    }

    private final Stream out;
    private final Stream err;
    private final OutputListener listener;
    private final int keepBytesMax;

    OutputPump(int stdoutFd, int stderrFd, OutputListener listener, int keepBytesMax) {
        this.out = new Stream(stdoutFd, OutputChannel.STDOUT);
        this.err = new Stream(stderrFd, OutputChannel.STDERR);
        this.listener = listener;
        this.keepBytesMax = keepBytesMax;
    }

    /** Reads both pipes until both are at end of stream (every process of the cage has exited or closed them). */
    void drain() {
        byte[] buf = new byte[CHUNK_BYTES];
        try {
            while (out.fd >= 0 || err.fd >= 0) {
                int ready = NativeCage.pollIn(out.fd, err.fd);
                if ((ready & 1) != 0) {
                    readOnce(out, buf);
                }
                if ((ready & 2) != 0) {
                    readOnce(err, buf);
                }
            }
        } catch (IOException e) {
            // a broken pipe ends the output: what was read so far is the output
        } finally {
            closeStream(out);
            closeStream(err);
        }
    }

    private void readOnce(Stream s, byte[] buf) throws IOException {
        int n = NativeCage.read(s.fd, buf, 0, buf.length);
        if (n <= 0) {
            closeStream(s);
            return;
        }
        s.digest.update(buf, 0, n);
        s.total += n;
        int keep = (int) Math.min(n, keepBytesMax - s.head.size());
        if (keep > 0) {
            s.head.write(buf, 0, keep);
        }
        try {
            listener.onOutput(s.channel, Arrays.copyOf(buf, n));
        } catch (RuntimeException e) {
            // a failing listener must not stop the draining, or the cage would block on a full pipe
        }
    }

    private static void closeStream(Stream s) {
        if (s.fd >= 0) {
            NativeCage.close(s.fd);
            s.fd = -1;
        }
    }

    CapturedOutput stdout() {
        return out.result();
    }

    CapturedOutput stderr() {
        return err.result();
    }
}

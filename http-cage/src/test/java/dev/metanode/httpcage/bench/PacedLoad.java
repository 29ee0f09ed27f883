package dev.metanode.httpcage.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed request rate over a few keep-alive connections, each request timed from its scheduled
 * send time to the last byte of its response (so a stall is charged to every request it delays).
 */
final class PacedLoad {
    record Percentiles(double p50Micros, double p99Micros, int samples) {}

    static Percentiles run(int port, String host, int ratePerSecond, int connections, int seconds)
            throws InterruptedException {
        List<long[]> perConnection = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        int perConn = ratePerSecond / connections;
        for (int i = 0; i < connections; i++) {
            long[] samples = new long[perConn * seconds];
            perConnection.add(samples);
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    drive(port, host, perConn, samples);
                } catch (IllegalStateException e) {
                    System.out.println("load connection ended early: " + e.getCause().getMessage());
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] all = perConnection.stream().flatMapToLong(Arrays::stream).filter(v -> v > 0).sorted().toArray();
        return new Percentiles(all[all.length / 2] / 1000.0, all[(int) (all.length * 0.99)] / 1000.0, all.length);
    }

    private static void drive(int port, String host, int rate, long[] samples) {
        byte[] request = ("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        long interval = 1_000_000_000L / rate;
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setTcpNoDelay(true);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            long next = System.nanoTime();
            for (int i = 0; i < samples.length; i++) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                out.write(request);
                out.flush();
                readResponse(in);
                samples[i] = System.nanoTime() - next;
                next += interval;
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads one response with a Content-Length body. */
    private static void readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            head.append((char) c);
            if (head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4) {
                break;
            }
        }
        if (head.isEmpty()) {
            throw new IOException("connection closed by the server");
        }
        String lower = head.toString().toLowerCase(java.util.Locale.ROOT);
        int at = lower.indexOf("content-length:");
        int length = Integer.parseInt(lower.substring(at + 15, lower.indexOf("\r\n", at)).trim());
        in.readNBytes(length);
    }
}

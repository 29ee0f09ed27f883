package dev.metanode.httpcage.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs wrk and reads its requests per second and error count. */
final class Wrk {
    record Result(double requestsPerSecond, long non2xx, String raw) {}

    static final int THREADS = 2;
    static final int CONNECTIONS = 64;

    static String command(int port, String host, int seconds) {
        return "wrk -t" + THREADS + " -c" + CONNECTIONS + " -d" + seconds + "s -H 'Host: " + host + "' http://127.0.0.1:"
                + port + "/";
    }

    static Result run(int port, String host, int seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("wrk", "-t" + THREADS, "-c" + CONNECTIONS, "-d" + seconds + "s", "-H",
                "Host: " + host, "http://127.0.0.1:" + port + "/").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
        Matcher errors = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)").matcher(out);
        if (!rps.find()) {
            throw new IOException("wrk output without Requests/sec:\n" + out);
        }
        return new Result(Double.parseDouble(rps.group(1)), errors.find() ? Long.parseLong(errors.group(1)) : 0, out);
    }
}

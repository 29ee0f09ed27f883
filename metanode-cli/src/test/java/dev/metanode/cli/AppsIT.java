package dev.metanode.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.core.codec.Json;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy → the app answers → kill it → it is restarted → remove; a receipt for every step. */
class AppsIT {
    private static final long APP_READY_WAIT_MS = 60_000;

    @TempDir
    Path tmp;
    private MetanodeProcess metanode;

    @AfterEach
    void stop() throws Exception {
        metanode.run("stop");
    }

    @Test
    void theSampleAppIsDeployedSupervisedAndRemoved() throws Exception {
        int port = freePort();
        Path app = MetanodeProcess.sampleApp(tmp, port);
        metanode = new MetanodeProcess(tmp.resolve("home"));
        metanode.ok("start", "--api-port", "0", "--http-port", "0");
        MetanodeProcess.Result deployed = metanode.ok("deploy", app.toString());
        java.util.regex.Matcher url = java.util.regex.Pattern.compile("url      http://hello\\.localhost:(\\d+)/")
                .matcher(deployed.out());
        assertTrue(url.find(), deployed.out());
        assertTrue(awaitHttp(port).startsWith("hello from metanode"));
        // Through the HTTP cage by host name, and the exchange is notarised.
        String viaCage = getThroughCage(Integer.parseInt(url.group(1)), "hello.localhost");
        assertTrue(viaCage.startsWith("HTTP/1.1 200"), viaCage);
        assertTrue(viaCage.contains("hello from metanode"), viaCage);
        assertTrue(getThroughCage(Integer.parseInt(url.group(1)), "nosuchapp.localhost").startsWith("HTTP/1.1 404"));
        JsonNode pipeline = Json.parse(metanode.ok("receipts", "--kind", "pipeline", "-o", "json").out());
        assertTrue(pipeline.size() >= 1, pipeline.toString());
        JsonNode helloBatches = Json.parse(metanode.ok("receipts", "--kind", "pipeline", "--app", "hello", "-o", "json").out());
        assertTrue(helloBatches.size() >= 1, helloBatches.toString());
        helloBatches.forEach(r -> assertEquals("pipeline", r.path("kind").asText()));
        String helloSteps = metanode.ok("receipts", "--app", "hello", "--limit", "50").out();
        assertTrue(helloSteps.contains("app.deploy") && helloSteps.contains("app.start"), helloSteps);
        assertEquals(0, Json.parse(metanode.ok("receipts", "--app", "nosuchapp", "-o", "json").out()).size());

        long pid = Json.parse(metanode.ok("apps", "-o", "json").out()).get(0).path("pid").asLong();
        new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
        assertTrue(awaitHttp(port).startsWith("hello from metanode"), "restarted after kill -9");
        JsonNode apps = Json.parse(metanode.ok("apps", "-o", "json").out());
        assertEquals(2, apps.get(0).path("starts").asInt(), apps.toString());
        assertTrue(metanode.ok("logs", "hello").out().contains("hello listening"));

        metanode.ok("remove", "hello");
        List<String> ops = new ArrayList<>();
        Json.parse(metanode.ok("receipts", "--kind", "step", "--limit", "50", "-o", "json").out())
                .forEach(r -> ops.add(0, r.path("operation").asText()));
        List<String> appOps = ops.stream().filter(o -> o.startsWith("app.")).toList();
        assertEquals(List.of("app.deploy", "app.start", "app.exit", "app.restart"), appOps.subList(0, 4), ops.toString());
        // The last exit (from the stop) and the remove are written by two threads: either order is right.
        assertEquals(java.util.Set.of("app.exit", "app.remove"), java.util.Set.copyOf(appOps.subList(4, 6)), ops.toString());
        assertEquals(6, appOps.size(), ops.toString());
    }

    /** A raw HTTP/1.1 GET with the given Host, since *.localhost names need not resolve here. */
    private static String getThroughCage(int port, String host) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String awaitHttp(int port) throws InterruptedException {
        long deadline = System.currentTimeMillis() + APP_READY_WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/").toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2_000);
                if (c.getResponseCode() == 200) {
                    return new String(c.getInputStream().readAllBytes());
                }
            } catch (IOException e) {
                Thread.sleep(250);
            }
        }
        throw new AssertionError("the app did not answer on port " + port + " within " + APP_READY_WAIT_MS + " ms");
    }
}

package dev.metanode.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during a burst of appends: every receipt the node acknowledged is there after a
 * restart, and the log reopens consistent (its start-up audit re-hashes everything).
 */
class CrashSafetyIT {
    private static final int CLIENT_THREADS = 8;
    private static final long BURST_BEFORE_KILL_MS = 1_500;

    @TempDir
    Path home;
    private MetanodeProcess metanode;

    @AfterEach
    void stop() throws Exception {
        metanode.run("stop");
    }

    @Test
    void acknowledgedReceiptsSurviveKillNine() throws Exception {
        metanode = new MetanodeProcess(home);
        metanode.ok("start", "--api-port", "0", "--http-port", "0");
        String url = ApiClientSide.url(home);
        long pid = ApiClientSide.pid(home);
        // Each denied request is acknowledged with its receipt's id only once that receipt is durable.
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENT_THREADS);
        for (int i = 0; i < CLIENT_THREADS; i++) {
            clients.submit(() -> {
                while (running.get()) {
                    try {
                        ApiClientSide.Answer a = ApiClientSide.get(url + "/api/v1/status", "wrong");
                        if (a.status() == 401) {
                            acknowledged.add(a.body().path("receipt").asText());
                        }
                    } catch (Exception e) {
                        return; // the node is gone
                    }
                }
            });
        }
        Thread.sleep(BURST_BEFORE_KILL_MS);
        new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
        running.set(false);
        clients.shutdown();
        assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        assertTrue(acknowledged.size() > 50, "the burst should have been acknowledged many times: " + acknowledged.size());

        MetanodeProcess.Result restarted = metanode.ok("start", "--api-port", "0", "--http-port", "0");
        assertTrue(restarted.out().contains("started"), restarted.all());
        String token = ApiClientSide.token(home);
        String newUrl = ApiClientSide.url(home);
        int missing = 0;
        for (String id : List.copyOf(acknowledged)) {
            if (ApiClientSide.get(newUrl + "/api/v1/receipts/" + id, token).status() != 200) {
                missing++;
            }
        }
        assertEquals(0, missing, "acknowledged receipts lost by kill -9 (of " + acknowledged.size() + ")");
        String verified = metanode.ok("verify", List.copyOf(acknowledged).get(0)).out();
        assertTrue(verified.contains("verified"), verified);
    }
}

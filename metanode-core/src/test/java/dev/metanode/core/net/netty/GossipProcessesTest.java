package dev.metanode.core.net.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Four nodes in four JVMs on loopback, wired as a ring (each dials the next), gossip to each other:
 * every node must deliver every other node's messages exactly once, relayed across the ring.
 */
@Timeout(90)
class GossipProcessesTest {
    private static final int NODES = 4;
    private static final int MESSAGES_PER_NODE = 250;
    private static final long STEP_TIMEOUT_S = 40;

    private final List<Process> processes = new ArrayList<>();
    private final List<BlockingQueue<String>> outputs = new ArrayList<>();
    private final List<Writer> inputs = new ArrayList<>();

    @AfterEach
    void killStragglers() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void fourProcessesGossipWithoutLossOrDuplicates() throws Exception {
        for (int i = 0; i < NODES; i++) {
            launch(i);
        }
        List<String> ports = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            ports.add(next(i, "LISTEN").substring(7));
        }
        tellAll("PEERS " + String.join(",", ports));
        for (int i = 0; i < NODES; i++) {
            next(i, "READY");
        }
        tellAll("GO");
        int expected = (NODES - 1) * MESSAGES_PER_NODE;
        for (int i = 0; i < NODES; i++) {
            String[] done = next(i, "DONE").split(" ");
            assertEquals(expected, Integer.parseInt(done[1]), "node " + i + " distinct messages");
            assertEquals(expected, Integer.parseInt(done[2]), "node " + i + " deliveries (a duplicate adds one)");
        }
        tellAll("EXIT");
        for (Process process : processes) {
            assertTrue(process.waitFor(10, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue());
        }
    }

    private void launch(int index) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Dlogback.configurationFile=net/logback-node.xml",
                "-cp", System.getProperty("java.class.path"), GossipNodeMain.class.getName(),
                String.valueOf(index), String.valueOf(NODES), String.valueOf(MESSAGES_PER_NODE));
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process = builder.start();
        processes.add(process);
        inputs.add(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        outputs.add(lines);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                lines.add("EOF " + e.getMessage());
            }
        }, "node-" + index + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    private String next(int index, String prefix) throws InterruptedException {
        while (true) {
            String line = outputs.get(index).poll(STEP_TIMEOUT_S, TimeUnit.SECONDS);
            assertNotNull(line, "node " + index + " said nothing while we waited for " + prefix);
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    private void tellAll(String line) throws Exception {
        for (Writer input : inputs) {
            input.write(line + "\n");
            input.flush();
        }
    }
}

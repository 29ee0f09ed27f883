package dev.metanode.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.core.codec.Json;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code metanode events} against a real node: a receipt shows up as its line while the command
 * runs (for people, and as JSON), and stopping the node ends the command with one line.
 */
class EventsCommandIT {
    private static final long LINE_WAIT_MS = 3_000;
    /** The command subscribes a moment after it starts; receipts caused before that are not its to see. */
    private static final int RECEIPT_TRIES_MAX = 20;

    @TempDir
    Path tmp;
    private MetanodeProcess metanode;
    private MetanodeProcess.Background text;
    private MetanodeProcess.Background json;

    @AfterEach
    void stop() throws Exception {
        for (MetanodeProcess.Background command : new MetanodeProcess.Background[] {text, json}) {
            if (command != null) {
                command.process().destroyForcibly();
            }
        }
        if (metanode != null) {
            metanode.run("stop");
        }
    }

    @Test
    void aReceiptIsStreamedAsItHappensAndTheCommandEndsWithTheNode() throws Exception {
        metanode = new MetanodeProcess(tmp.resolve("home"));
        metanode.ok("start", "--api-port", "0", "--http-port", "0");
        text = metanode.start("events", "--types", "receipt");
        json = metanode.start("events", "-o", "json");
        // Each command subscribes a moment after it starts: cause receipts until both have shown one,
        // then one more, which both must show.
        for (int i = 0; i < RECEIPT_TRIES_MAX && !(seen(text) > 0 && seen(json) > 0); i++) {
            metanode.ok("keys", "create", "--role", "viewer", "--name", "probe-" + i);
            awaitLine(text, "http.key.create");
        }
        int before = seen(text);
        metanode.ok("keys", "create", "--role", "viewer", "--name", "probe-both");
        String line = awaitNewLine(text, before);
        assertNotNull(line, "no receipt line; out: " + text.out() + " err: " + text.err());
        assertTrue(line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}  receipt     rx_[0-9a-f]{20}  \\w+ http\\.key\\.create"), line);
        String id = line.split("\\s+")[2];
        assertTrue(metanode.ok("receipts", "show", id).out().contains("http.key.create"), "the line names a real receipt");
        for (String each : text.out().strip().split("\n")) {
            assertTrue(each.contains("  receipt  "), "--types receipt shows receipts only: " + each);
        }
        String raw = awaitLine(json, id);
        assertNotNull(raw, "no JSON line for " + id + "; out: " + json.out() + " err: " + json.err());
        JsonNode event = Json.parse(raw);
        assertEquals("receipt", event.path("type").asText(), raw);
        assertEquals("http.key.create", event.path("body").path("operation").asText(), raw);
        assertTrue(event.path("seq").asLong() > 0, raw);

        metanode.ok("stop");
        metanode = null;
        for (MetanodeProcess.Background command : new MetanodeProcess.Background[] {text, json}) {
            assertEquals(1, command.exit(30), command.err());
            assertEquals("metanode: the node stopped; no more events", command.err().strip());
        }
    }

    /** Key-creation receipts the command has printed so far. */
    private static int seen(MetanodeProcess.Background command) throws IOException {
        return (int) command.out().lines().filter(l -> l.contains("http.key.create")).count();
    }

    /** The key-creation line after the first {@code before} ones, waiting up to LINE_WAIT_MS; null if none came. */
    private static String awaitNewLine(MetanodeProcess.Background command, int before)
            throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + LINE_WAIT_MS;
        do {
            var lines = command.out().lines().filter(l -> l.contains("http.key.create")).toList();
            if (lines.size() > before) {
                return lines.get(before);
            }
            Thread.sleep(50);
        } while (System.currentTimeMillis() < deadline);
        return null;
    }

    /** The first output line containing {@code wanted}, waiting up to LINE_WAIT_MS for it; null if none came. */
    private static String awaitLine(MetanodeProcess.Background command, String wanted)
            throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + LINE_WAIT_MS;
        do {
            for (String line : command.out().split("\n")) {
                if (line.contains(wanted)) {
                    return line;
                }
            }
            Thread.sleep(50);
        } while (System.currentTimeMillis() < deadline);
        return null;
    }
}

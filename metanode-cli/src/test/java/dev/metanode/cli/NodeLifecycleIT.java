package dev.metanode.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.core.codec.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The foundation end to end through the real binary: start, status, receipts, export, offline verify. */
class NodeLifecycleIT {
    @TempDir
    Path tmp;
    private MetanodeProcess metanode;

    @AfterEach
    void stopNode() throws Exception {
        if (metanode != null) {
            metanode.run("stop");
        }
    }

    @Test
    void startStatusReceiptsExportAndVerifyOfflineAfterTheNodeIsGone() throws Exception {
        Path home = tmp.resolve("home");
        metanode = new MetanodeProcess(home);
        MetanodeProcess.Result started = metanode.ok("start", "--api-port", "0", "--http-port", "0");
        assertTrue(started.out().contains("started at http://127.0.0.1:"), started.out());

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("api.token"))));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve("keys/node.key"))));
        assertTrue(Files.readString(home.resolve("metanode.yaml")).contains("checkpointIntervalMs: 1000"));

        JsonNode status = Json.parse(metanode.ok("status", "-o", "json").out());
        assertTrue(status.path("logSize").asLong() >= 1, status.toString());
        assertEquals(44, status.path("publicKey").asText().length());

        JsonNode receipts = Json.parse(metanode.ok("receipts", "--kind", "action", "-o", "json").out());
        String id = receipts.get(receipts.size() - 1).path("id").asText();
        assertEquals("node.start", receipts.get(receipts.size() - 1).path("operation").asText());

        MetanodeProcess.Result shown = metanode.ok("receipts", "show", id);
        assertTrue(shown.out().contains("https://metanode.dev/receipt/v1"), shown.out());
        MetanodeProcess.Result online = metanode.ok("verify", id);
        assertTrue(online.out().contains("ok    inclusion"), online.out());

        Path pub = tmp.resolve("node.pub");
        Files.writeString(pub, metanode.ok("key", "show").out());
        Path bundle = tmp.resolve("bundle.json");
        metanode.ok("receipts", "export", id, "--out", bundle.toString());
        Path checkpoint = tmp.resolve("cp.txt");
        metanode.ok("receipts", "checkpoint", "--out", checkpoint.toString());
        MetanodeProcess.Result consistent = metanode.ok("receipts", "consistency", "--from", checkpoint.toString());
        assertTrue(consistent.out().startsWith("consistent"), consistent.out());

        metanode.ok("stop");
        metanode = null;
        deleteTree(home);

        MetanodeProcess offline = new MetanodeProcess(tmp.resolve("empty-home"));
        MetanodeProcess.Result verified = offline.ok("verify", "--bundle", bundle.toString(), "--trust", pub.toString());
        assertTrue(verified.out().contains("verified: " + id), verified.out());
        assertTrue(verified.out().contains("checkpoint signature"), verified.out());
        assertFalse(Files.exists(tmp.resolve("empty-home")), "offline verify must not create a data directory");

        String text = Files.readString(bundle);
        int at = text.indexOf("\"envelope\" : \"") + 30;
        char c = text.charAt(at);
        Files.writeString(bundle, text.substring(0, at) + (c == 'A' ? 'B' : 'A') + text.substring(at + 1));
        MetanodeProcess.Result tampered = offline.run("verify", "--bundle", bundle.toString(), "--trust", pub.toString());
        assertNotEquals(0, tampered.exit());
        assertTrue(tampered.err().contains("verification FAILED"), tampered.all());
    }

    static void deleteTree(Path root) throws java.io.IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

package dev.metanode.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.core.codec.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded one-validator chain anchors every checkpoint in a sealed block and makes none while idle. */
class ChainIT {
    private static final long WAIT_MS = 30_000;

    @TempDir
    Path home;
    private MetanodeProcess metanode;

    @AfterEach
    void stop() throws Exception {
        metanode.run("stop");
    }

    @Test
    void checkpointsAreAnchoredInSealedBlocksAndIdleMakesNoBlocks() throws Exception {
        metanode = new MetanodeProcess(home);
        metanode.ok("start", "--api-port", "0", "--http-port", "0");
        metanode.ok("run", "--", "true");
        long logSize = Json.parse(metanode.ok("status", "-o", "json").out()).path("logSize").asLong();
        JsonNode block = awaitAnchor(logSize);
        assertEquals(1, block.path("seals").size(), block.toString());
        JsonNode header = block.path("header");
        assertTrue(header.path("poh").path("hashCount").asLong() > 0, header.toString());
        assertTrue(header.path("vrfProof").asText().length() > 40, header.toString());

        long height = status().path("height").asLong();
        Thread.sleep(3_000);
        assertEquals(height, status().path("height").asLong(), "no blocks while idle");
    }

    @Test
    void asRootTheConsensusThreadRunsAheadOfTheSignatureChecks() throws Exception {
        Assumptions.assumeTrue(Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid")),
                "thread priorities are set only for a node run by root");
        metanode = new MetanodeProcess(home);
        metanode.ok("start", "--api-port", "0", "--http-port", "0");
        Path attested = Files.writeString(home.resolve("attested.txt"), "a transaction starts the signature checks");
        metanode.ok("chain", "attest", attested.toString());
        long pid = Json.parse(Files.readString(home.resolve("run/daemon.json"))).path("pid").asLong();
        Map<String, Integer> nice = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String name = Files.readString(task.resolve("comm")).trim();
                String stat = Files.readString(task.resolve("stat"));
                // Fields after the ")" closing the name: state is the 3rd field, nice the 19th.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                nice.put(name, Integer.parseInt(fields[16]));
            }
        }
        assertTrue(nice.containsKey("consensus") && nice.containsKey("consensus-verif"), nice.toString());
        assertTrue(nice.get("consensus") < 0, "consensus thread nice " + nice.get("consensus"));
        assertTrue(nice.get("consensus-verif") > 0, "signature-check thread nice " + nice.get("consensus-verif"));
    }

    @Test
    void aVoteOfTheWholeSetChangesAStakeTwoBlocksLater() throws Exception {
        metanode = new MetanodeProcess(home);
        metanode.ok("start", "--api-port", "0", "--http-port", "0");
        JsonNode self = status().path("validators").get(0);
        assertEquals(1, self.path("power").asLong());
        String key = self.path("key").asText();

        MetanodeProcess.Result refused = metanode.run("chain", "vote", "stake", key);
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("stake needs --power"), refused.err());
        MetanodeProcess.Result garbage = metanode.run("chain", "vote", "remove", "not-a-key");
        assertEquals(1, garbage.exit());
        assertTrue(garbage.err().contains("not an Ed25519 public key"), garbage.err());

        JsonNode vote = Json.parse(metanode.ok("chain", "vote", "stake", key, "--power", "5", "-o", "json").out());
        assertEquals("applied", vote.path("status").asText(), vote.toString());
        long votedAt = vote.path("height").asLong();
        // The only validator holds all the power: its vote schedules the change for votedAt + 2.
        for (int i = 0; status().path("height").asLong() < votedAt + 2 && i < 10; i++) {
            Path file = Files.writeString(home.resolve("block" + i + ".txt"), "a transaction makes a block " + i);
            metanode.ok("chain", "attest", file.toString());
        }
        assertEquals(5, status().path("validators").get(0).path("power").asLong(), status().toString());
        assertTrue(metanode.ok("chain", "status").out().contains(key + "  power 5"));
    }

    private JsonNode status() throws Exception {
        return Json.parse(metanode.ok("chain", "status", "-o", "json").out());
    }

    /** The first block whose anchored checkpoint covers at least {@code size} receipts. */
    private JsonNode awaitAnchor(long size) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            MetanodeProcess.Result s = metanode.run("chain", "status", "-o", "json");
            if (s.exit() == 0) {
                long height = Json.parse(s.out()).path("height").asLong();
                for (long h = 1; h <= height; h++) {
                    JsonNode block = Json.parse(metanode.ok("chain", "block", Long.toString(h)).out());
                    for (JsonNode note : block.path("header").path("checkpoints")) {
                        if (Long.parseLong(note.asText().split("\n")[1]) >= size) {
                            return block;
                        }
                    }
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no block anchored a checkpoint of " + size + " receipts within " + WAIT_MS + " ms");
    }
}

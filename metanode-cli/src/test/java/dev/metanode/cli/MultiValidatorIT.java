package dev.metanode.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.core.codec.Json;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four validators in four processes, set up by {@code metanode testnet init}, form one chain over
 * the encrypted transport: every node's checkpoints are anchored, all agree on every block; with
 * one killed (kill -9) the other three go on, and the restarted one catches up.
 */
class MultiValidatorIT {
    private static final int NODES = 4;
    private static final long WAIT_MS = 60_000;

    @TempDir
    Path tmp;
    private final List<MetanodeProcess> nodes = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (MetanodeProcess node : nodes) {
            node.run("stop");
        }
    }

    @Test
    void fourProcessesFormOneChainSurviveAKillAndCatchUp() throws Exception {
        int base = freeBasePort();
        MetanodeProcess cli = new MetanodeProcess(tmp.resolve("unused"));
        JsonNode init = Json.parse(cli.ok("testnet", "init", "--validators", String.valueOf(NODES), "--out",
                tmp.resolve("net").toString(), "--base-port", String.valueOf(base), "--chain-id", "testnet-it", "-o", "json").out());
        assertEquals(NODES, init.path("nodes").size());
        assertTrue(cli.run("testnet", "init", "--validators", "4", "--out", tmp.resolve("net").toString(),
                "--base-port", String.valueOf(base)).all().contains("not empty"), "refuses to overwrite homes");
        for (int i = 0; i < NODES; i++) {
            Path home = tmp.resolve("net").resolve("node" + i);
            assertEquals(Files.readString(tmp.resolve("net/node0/genesis.json")), Files.readString(home.resolve("genesis.json")));
            nodes.add(new MetanodeProcess(home));
        }
        for (MetanodeProcess node : nodes) {
            node.ok("start", "--home", node.home().toString());
        }
        // Each node's start receipt makes a checkpoint; all four get anchored, whoever proposes.
        long h = awaitAll(nodes, s -> s.path("height").asLong() >= 1);
        String rx = receiptOf(nodes.get(0).ok("run", "--home", nodes.get(0).home().toString(), "--", "/bin/echo", "caged"));
        long anchored = awaitAnchored(nodes.get(0), rx);
        assertTrue(anchored >= h, "anchored at " + anchored + ", chain was at " + h);
        assertSameBlocks(nodes, anchored);
        // Offline, with nothing but node0's key and the chain's genesis.
        Path bundle = tmp.resolve("bundle.json");
        nodes.get(0).ok("receipts", "export", rx, "--home", nodes.get(0).home().toString(), "--out", bundle.toString());
        String trust = nodes.get(0).home().resolve("keys/node.pub").toString();
        String verified = cli.ok("verify", "--bundle", bundle.toString(), "--trust", trust, "--genesis",
                nodes.get(0).home().resolve("genesis.json").toString()).out();
        assertTrue(verified.contains("final in a block sealed by a validator quorum"), verified);
        MetanodeProcess.Result untrusted = cli.run("verify", "--bundle", bundle.toString(), "--trust", trust);
        assertEquals(1, untrusted.exit(), untrusted.all());
        assertTrue(untrusted.all().contains("pass --genesis"), untrusted.all());

        // A notary transaction submitted at one node is final on all; the same digest again is refused.
        Path file = Files.writeString(tmp.resolve("release.tar"), "release 1.0");
        String attested = nodes.get(1).ok("chain", "attest", file.toString(), "--home", nodes.get(1).home().toString()).out();
        assertTrue(attested.contains("attested in block"), attested);
        MetanodeProcess.Result again = nodes.get(2).run("chain", "attest", file.toString(), "--home", nodes.get(2).home().toString());
        assertEquals(1, again.exit(), again.all());
        assertTrue(again.all().contains("already attested"), again.all());

        MetanodeProcess victim = nodes.get(3);
        long pid = ApiClientSide.pid(victim.home());
        new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        List<MetanodeProcess> alive = nodes.subList(0, 3);
        long before = height(nodes.get(0));
        for (int i = 0; i < 3; i++) {
            nodes.get(i).ok("run", "--home", nodes.get(i).home().toString(), "--", "/bin/true");
        }
        long after = awaitAll(alive, s -> s.path("height").asLong() > before);
        assertSameBlocks(alive, after);

        victim.ok("start", "--home", victim.home().toString());
        long target = height(nodes.get(0));
        awaitAll(List.of(victim), s -> s.path("height").asLong() >= target);
        assertSameBlocks(nodes, target);
    }

    private static String receiptOf(MetanodeProcess.Result run) {
        int at = run.all().indexOf("rx_");
        assertTrue(at >= 0, run.all());
        return run.all().substring(at).split("\\s")[0];
    }

    /** Verifies the receipt online until its bundle is anchored; returns the anchoring block's height. */
    private static long awaitAnchored(MetanodeProcess node, String rx) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            JsonNode report = Json.parse(node.ok("verify", rx, "--home", node.home().toString(), "-o", "json").out());
            if (report.path("anchored").asBoolean()) {
                assertTrue(report.path("verified").asBoolean(), report.toString());
                for (JsonNode check : report.path("checks")) {
                    if (check.path("name").asText().equals("anchoring")) {
                        String detail = check.path("detail").asText();
                        assertTrue(detail.contains("sealed by a quorum of 4 validator(s)"), detail);
                        return Long.parseLong(detail.split(" ")[1]);
                    }
                }
                throw new AssertionError("anchored bundle without an anchoring check: " + report);
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no block anchored a checkpoint covering " + rx + " within " + WAIT_MS + " ms");
    }

    /** Equal blocks at one height mean equal chains up to it: each header names its parent's hash. */
    private static void assertSameBlocks(List<MetanodeProcess> group, long height) throws Exception {
        String first = null;
        for (MetanodeProcess node : group) {
            String hash = Json.parse(node.ok("chain", "block", String.valueOf(height), "--home", node.home().toString()).out())
                    .path("hash").asText();
            if (first == null) {
                first = hash;
            }
            assertEquals(first, hash, "block " + height + " differs on " + node.home());
        }
    }

    private static long height(MetanodeProcess node) throws Exception {
        return status(node).path("height").asLong();
    }

    private static JsonNode status(MetanodeProcess node) throws Exception {
        return Json.parse(node.ok("chain", "status", "--home", node.home().toString(), "-o", "json").out());
    }

    /** Waits until every node's chain status satisfies the condition; returns the lowest height then. */
    private static long awaitAll(List<MetanodeProcess> group, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            long lowest = Long.MAX_VALUE;
            boolean all = true;
            for (MetanodeProcess node : group) {
                JsonNode s = status(node);
                all &= condition.test(s);
                lowest = Math.min(lowest, s.path("height").asLong());
            }
            if (all) {
                return lowest;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("nodes did not reach the expected state within " + WAIT_MS + " ms");
    }

    /** A base port whose node ports (base + 10i + 0..2) are free now. */
    private static int freeBasePort() throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20_000, 60_000);
            if (free(base, NODES)) {
                return base;
            }
        }
        throw new AssertionError("no free port range found");
    }

    private static boolean free(int base, int nodes) {
        for (int i = 0; i < nodes; i++) {
            for (int offset = 0; offset < 3; offset++) {
                try (ServerSocket s = new ServerSocket(base + 10 * i + offset)) {
                    s.setReuseAddress(true);
                } catch (Exception e) {
                    return false;
                }
            }
        }
        return true;
    }
}

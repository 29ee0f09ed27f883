package dev.metanode.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.core.codec.Json;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** metanode run and replay through the real binary and the real cage. */
class JobsIT {
    private static final Pattern RECEIPT = Pattern.compile("receipt (rx_[0-9a-f]+)");

    @TempDir
    Path home;
    private MetanodeProcess metanode;

    @BeforeEach
    void start() throws Exception {
        metanode = new MetanodeProcess(home);
        metanode.ok("start", "--api-port", "0", "--http-port", "0");
    }

    @AfterEach
    void stop() throws Exception {
        metanode.run("stop");
    }

    private static String receiptOf(MetanodeProcess.Result r) {
        Matcher m = RECEIPT.matcher(r.err());
        assertTrue(m.find(), r.all());
        return m.group(1);
    }

    @Test
    void runStreamsOutputExitsWithTheJobsStatusAndLeavesAStepReceipt() throws Exception {
        MetanodeProcess.Result ok = metanode.run("run", "--", "sh", "-c", "echo out; echo err >&2; exit 3");
        assertEquals(3, ok.exit(), ok.all());
        assertTrue(ok.out().contains("out"), ok.out());
        assertTrue(ok.err().contains("err"), ok.err());
        String id = receiptOf(ok);
        JsonNode receipt = Json.parse(metanode.ok("receipts", "show", id, "-o", "json").out());
        JsonNode predicate = receipt.path("statement").path("predicate");
        assertEquals("step", predicate.path("kind").asText());
        assertEquals(64, predicate.path("result").path("witnessRoot").asText().length(), predicate.toString());
        assertTrue(metanode.ok("verify", id).out().contains("verified"));
    }

    @Test
    void aSeededRunReplaysToTheSameWitnessRoot() throws Exception {
        MetanodeProcess.Result first = metanode.ok("run", "--seed", "42", "--", "sh", "-c",
                "date +%s%N; head -c 16 /dev/urandom | od -An -tx1; hostname; echo $$");
        MetanodeProcess.Result second = metanode.ok("run", "--seed", "42", "--", "sh", "-c",
                "date +%s%N; head -c 16 /dev/urandom | od -An -tx1; hostname; echo $$");
        assertEquals(first.out(), second.out(), "same seed, same output");
        MetanodeProcess.Result other = metanode.ok("run", "--seed", "43", "--", "sh", "-c",
                "date +%s%N; head -c 16 /dev/urandom | od -An -tx1; hostname; echo $$");
        assertNotEquals(first.out(), other.out(), "another seed, other output");
        MetanodeProcess.Result replay = metanode.ok("replay", receiptOf(first));
        assertTrue(replay.out().contains("MATCH"), replay.all());
    }

    @Test
    void aContainedJobSaysWhyAndTheDaemonIsUnharmed() throws Exception {
        MetanodeProcess.Result denied = metanode.run("run", "--", "sh", "-c", "cat /etc/shadow");
        assertNotEquals(0, denied.exit());
        MetanodeProcess.Result bomb = metanode.run("run", "--pids", "16", "--timeout", "20", "--", "sh", "-c",
                "i=0; while [ $i -lt 100 ]; do sleep 5 & i=$((i+1)); done; wait");
        assertTrue(bomb.err().contains("receipt rx_"), bomb.all());
        assertTrue(metanode.ok("status").out().contains("log size"));
        MetanodeProcess.Result missing = metanode.run("run", "--", "/no/such/program");
        assertNotEquals(0, missing.exit());
        assertTrue(!missing.all().contains("Exception"), missing.all());
    }
}

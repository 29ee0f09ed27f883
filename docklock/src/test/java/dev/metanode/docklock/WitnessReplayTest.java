package dev.metanode.docklock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.receipt.ReceiptDraft;
import dev.metanode.core.receipt.ReceiptKind;
import dev.metanode.core.receipt.Subject;
import dev.metanode.core.workload.ReplayResult;
import dev.metanode.core.workload.RunResult;
import dev.metanode.core.workload.RunSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The step receipt draft carries the digests and the spec; replaying it reproduces the witness root. */
class WitnessReplayTest {
    @TempDir
    Path tmp;

    @Test
    void receiptDraftHoldsDigestsAndTheSpec() throws Exception {
        Path app = TestCage.appDir(tmp, "app");
        Files.writeString(app.resolve("data.txt"), "3\n1\n2\n");
        RunResult r = TestCage.cage().run(RunSpec.builder("sort", "data.txt").appDir(app).inputFile("data.txt")
                .seed(42).actor("tester").build());
        ReceiptDraft d = r.receipt();
        assertEquals(ReceiptKind.STEP, d.kind());
        assertEquals("tester", d.actor());
        assertEquals("workload.run", d.operation());
        Map<String, String> subjects = new java.util.HashMap<>();
        for (Subject s : d.subjects()) {
            subjects.put(s.name(), s.sha256());
        }
        assertEquals(r.witnessRoot(), subjects.get("witness-root"));
        assertEquals(r.stdout().sha256(), subjects.get("stdout"));
        assertTrue(subjects.containsKey("argv") && subjects.containsKey("input:data.txt"), subjects.toString());
        assertEquals("1\n2\n3\n", r.stdout().text());
        assertEquals(java.util.List.of("sort", "data.txt"), d.inputs().get("argv"));
        assertEquals("42", d.inputs().get("seed"));
        assertEquals("exit 0", d.result().get("exit"));
        assertTrue(((Number) d.resources().get("wallMillis")).longValue() >= 0);
    }

    @Test
    void replayMatchesAndDetectsAChangedInput() throws Exception {
        Path app = TestCage.appDir(tmp, "app");
        Files.writeString(app.resolve("data.txt"), "b\na\n");
        Path out = tmp.resolve("out");
        RunResult r = TestCage.cage().run(RunSpec.builder("/bin/sh", "-c", "sort data.txt > /out/sorted; head -c 8 /dev/urandom | od -An -tx1")
                .appDir(app).outputDir(out).inputFile("data.txt").seed(7).build());
        ReplayResult same = TestCage.cage().replay(r.receipt(), new byte[0]);
        assertTrue(same.matches(), same.recordedRoot() + " vs " + same.replayedRoot());
        assertEquals(r.stdout().text(), same.replayed().stdout().text());

        Files.writeString(app.resolve("data.txt"), "c\na\n");
        ReplayResult changed = TestCage.cage().replay(r.receipt(), new byte[0]);
        assertFalse(changed.matches());
    }
}

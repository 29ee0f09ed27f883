package dev.metanode.docklock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.workload.RunResult;
import dev.metanode.core.workload.RunSpec;
import dev.metanode.core.workload.WorkloadException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real programs in the real cage: output, exit codes, stdin, the filesystem view and the namespaces. */
class CageBasicsTest {
    @TempDir
    Path tmp;

    @Test
    void echoRunsAndIsCaptured() {
        RunResult r = TestCage.cage().run(RunSpec.builder("echo", "hello cage").build());
        assertEquals("hello cage\n", r.stdout().text());
        assertTrue(r.exit().success(), r.exit() + " " + r.stderr().text());
        assertEquals(64, r.witnessRoot().length());
        assertFalse(r.contained(), r.containments().toString());
    }

    @Test
    void exitCodeAndStderrAndStdin() {
        RunResult r = TestCage.cage().run(RunSpec.builder("/bin/sh", "-c", "cat; echo oops >&2; exit 3")
                .stdin("from stdin".getBytes(StandardCharsets.UTF_8)).build());
        assertEquals("from stdin", r.stdout().text());
        assertEquals("oops\n", r.stderr().text());
        assertEquals(3, r.exit().code());
    }

    @Test
    void theCageHasItsOwnPidHostnameUserAndRoot() {
        RunResult r = TestCage.cage().run(RunSpec.builder("/bin/sh", "-c",
                "echo pid=$$; hostname; id -u; ls /; cat /proc/self/uid_map | wc -l; ls /dev | tr '\\n' ' '").build());
        String out = r.stdout().text();
        assertTrue(out.startsWith("pid=2\ndocklock\n65534\n"), out);
        assertTrue(out.contains("usr") && out.contains("tmp") && out.contains("proc"), out);
        assertFalse(out.contains("root\n"), "no /root in the view: " + out);
        assertTrue(out.contains("null") && out.contains("urandom") && out.contains("zero"), out);
    }

    @Test
    void appDirIsReadOnlyAndOutDirIsWitnessed() throws Exception {
        Path app = TestCage.appDir(tmp, "app");
        Files.writeString(app.resolve("in.txt"), "input data\n");
        Path out = tmp.resolve("out");
        RunResult r = TestCage.cage().run(RunSpec.builder("/bin/sh", "-c",
                "cat in.txt > /out/copy.txt; echo x > /app/new.txt || echo app-read-only")
                .appDir(app).outputDir(out).inputFile("in.txt").build());
        assertTrue(r.stderr().text().contains("Read-only file system"), r.stderr().text());
        assertEquals("app-read-only\n", r.stdout().text());
        assertEquals("input data\n", Files.readString(out.resolve("copy.txt")));
        assertEquals(1, r.outputs().size());
        assertEquals("copy.txt", r.outputs().get(0).path());
        assertTrue(r.receipt().subjects().stream().anyMatch(s -> s.name().equals("input:in.txt")));
        assertTrue(r.receipt().subjects().stream().anyMatch(s -> s.name().equals("output:copy.txt")));
    }

    @Test
    void hostNetworkSeesTheHostsInterfaces() throws Exception {
        java.util.List<String> host = Files.readAllLines(Path.of("/proc/net/dev")).stream().skip(2)
                .map(l -> l.split(":")[0].trim()).sorted().toList();
        RunResult r = TestCage.cage().run(RunSpec.builder("/bin/sh", "-c", "tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | sort")
                .network(dev.metanode.core.workload.NetworkMode.HOST).build());
        assertEquals(String.join("\n", host) + "\n", r.stdout().text(), r.stderr().text());
    }

    @Test
    void rlimitsOnlyModeStillLimitsMemory() {
        try (DockLock plain = DockLock.create(CageConfig.defaults().withUseCgroups(false))) {
            assertEquals("rlimits-only", plain.status().limitsMode());
            RunResult r = plain.run(RunSpec.builder("/bin/sh", "-c", "x=$(head -c 100000000 /dev/zero | tr '\\0' a); echo ${#x}")
                    .limits(dev.metanode.core.workload.Limits.DEFAULT.withMemoryBytesMax(32L << 20)).build());
            assertFalse(r.stdout().text().startsWith("100000000"), "the address-space limit held: " + r.stdout().text());
        }
        assertTrue(java.util.Set.of("cgroup-v2", "cgroup-v1", "rlimits-only").contains(TestCage.cage().status().limitsMode()));
    }

    @Test
    void cagesRunConcurrently() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<RunResult>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String word = "cage-" + i;
                runs.add(pool.submit(() -> TestCage.cage().run(RunSpec.builder("/bin/sh", "-c", "sleep 0.05; echo " + word).build())));
            }
            for (int i = 0; i < runs.size(); i++) {
                assertEquals("cage-" + i + "\n", runs.get(i).get().stdout().text());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void userMistakesGiveOneClearMessage() {
        WorkloadException missing = assertThrows(WorkloadException.class,
                () -> TestCage.cage().run(RunSpec.builder("/bin/definitely-not-here").build()));
        assertEquals("cannot run '/bin/definitely-not-here' in the cage: no such file or directory (ENOENT)",
                missing.getMessage());
        WorkloadException noApp = assertThrows(WorkloadException.class,
                () -> TestCage.cage().run(RunSpec.builder("true").appDir(tmp.resolve("nope")).build()));
        assertTrue(noApp.getMessage().contains("does not exist"), noApp.getMessage());
    }
}

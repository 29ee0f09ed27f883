package dev.metanode.docklock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.metanode.core.workload.ContainmentReason;
import dev.metanode.core.workload.Limits;
import dev.metanode.core.workload.RunResult;
import dev.metanode.core.workload.RunSpec;
import dev.metanode.core.workload.RunningWorkload;
import dev.metanode.docklock.cgroup.LimitsMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cage joins its cgroups itself, through v1's per-thread {@code tasks} file, before it execs:
 * these tests look from the host at real cages in real cgroups and check that the whole cage is
 * inside, that the limits count from the program's first instruction, and that the cgroup
 * namespace is rooted at the cage's own cgroup (it was unshared after the join).
 */
class CgroupMembershipTest {
    private static final List<String> CONTROLLERS = List.of("memory", "pids", "cpu");

    @BeforeAll
    static void needsV1() {
        assumeTrue(TestCage.cage().limitsMode() == LimitsMode.CGROUP_V1, "this host has no v1 cgroups for the cage");
    }

    @Test
    void everyProcessOfTheCageIsInItsOwnCgroupsAndNothingElseIs() throws Exception {
        CountDownLatch ready = new CountDownLatch(1);
        RunningWorkload app = TestCage.cage().start(RunSpec.builder("/bin/sh", "-c",
                "sleep 30 & echo ready; wait").timeout(Duration.ofMinutes(1)).build(), (c, b) -> {
                    if (new String(b, StandardCharsets.UTF_8).contains("ready")) {
                        ready.countDown();
                    }
                });
        try {
            assertTrue(ready.await(10, TimeUnit.SECONDS), "the app did not start");
            long init = app.pid();
            long shell = onlyChild(init);
            long sleep = onlyChild(shell);
            Map<String, String> node = HostCgroups.of(ProcessHandle.current().pid());
            Map<String, String> cage = HostCgroups.of(init);
            for (String controller : CONTROLLERS) {
                String path = cage.get(controller);
                assertTrue(path.matches(".*/docklock/run-\\d+-" + ProcessHandle.current().pid() + "-\\d+"), controller + ": " + path);
                assertNotEquals(node.get(controller), path);
                assertEquals(path, HostCgroups.of(shell).get(controller), "the program, " + controller);
                assertEquals(path, HostCgroups.of(sleep).get(controller), "the program's child, " + controller);
                assertEquals(new TreeSet<>(List.of(init, shell, sleep)), procs(HostCgroups.dir(controller, path)),
                        "cgroup.procs of " + controller);
            }
            app.stop(Duration.ofSeconds(5));
            for (String controller : CONTROLLERS) {
                assertFalse(Files.exists(HostCgroups.dir(controller, cage.get(controller))), "removed after the run: " + controller);
            }
        } finally {
            app.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void theProgramsFirstForkIsAlreadyCounted() {
        // pid 1 (docklock-init) and the shell are the two allowed: the shell's very first fork is refused.
        RunResult r = TestCage.cage().run(RunSpec.builder("/bin/sh", "-c", "/bin/true; echo forked")
                .limits(Limits.DEFAULT.withPidsMax(2)).build());
        assertTrue(r.containment(ContainmentReason.PIDS_LIMIT).isPresent(), r.containments() + " " + r.stderr().text());
        assertTrue(r.stderr().text().contains("fork"), r.stderr().text());
        assertFalse(r.stdout().text().contains("forked"), r.stdout().text());
    }

    @Test
    void theCgroupNamespaceIsRootedAtTheCagesOwnCgroup() {
        RunResult r = TestCage.cage().run(RunSpec.builder("/bin/cat", "/proc/self/cgroup").build());
        Map<String, String> seen = HostCgroups.parse(r.stdout().text());
        for (String controller : CONTROLLERS) {
            assertEquals("/", seen.get(controller), controller + " in " + r.stdout().text());
        }
    }

    private static long onlyChild(long pid) throws Exception {
        Path file = Path.of("/proc/" + pid + "/task/" + pid + "/children");
        for (int i = 0; i < 200; i++) {
            String text = Files.readString(file).trim();
            if (!text.isEmpty()) {
                String[] pids = text.split("\\s+");
                assertEquals(1, pids.length, "children of " + pid + ": " + text);
                return Long.parseLong(pids[0]);
            }
            Thread.sleep(10);
        }
        throw new AssertionError(pid + " has no child");
    }

    private static Set<Long> procs(Path dir) throws Exception {
        List<Long> pids = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("cgroup.procs"))) {
            pids.add(Long.parseLong(line.trim()));
        }
        return new TreeSet<>(pids);
    }
}

package dev.metanode.docklock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.kernel.Clock;
import dev.metanode.core.workload.ContainmentReason;
import dev.metanode.core.workload.OutputChannel;
import dev.metanode.core.workload.RunResult;
import dev.metanode.core.workload.RunSpec;
import dev.metanode.core.workload.RunningWorkload;
import dev.metanode.docklock.supervise.RestartPolicy;
import dev.metanode.docklock.supervise.Supervisor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Long-running apps: streamed output, stop with SIGTERM then SIGKILL, supervised restarts. */
class LongRunningTest {

    @Test
    void outputStreamsWhileRunningAndSigtermStopsIt() throws Exception {
        CountDownLatch ticks = new CountDownLatch(3);
        CopyOnWriteArrayList<String> seen = new CopyOnWriteArrayList<>();
        RunningWorkload app = TestCage.cage().start(RunSpec.builder("/bin/sh", "-c",
                "trap 'echo bye; exit 0' TERM; while true; do echo tick; sleep 0.05; done")
                .timeout(Duration.ofMinutes(1)).build(), (channel, bytes) -> {
                    if (channel == OutputChannel.STDOUT) {
                        String s = new String(bytes, StandardCharsets.UTF_8);
                        seen.add(s);
                        s.lines().filter("tick"::equals).forEach(l -> ticks.countDown());
                    }
                });
        assertTrue(ticks.await(10, TimeUnit.SECONDS), "output streamed: " + seen);
        assertTrue(app.isAlive());
        assertTrue(app.pid() > 1);
        RunResult r = app.stop(Duration.ofSeconds(5));
        assertFalse(app.isAlive());
        assertTrue(r.stdout().text().contains("bye"), "the app saw SIGTERM: " + r.stdout().text());
        assertTrue(r.containment(ContainmentReason.STOPPED).isPresent());
    }

    @Test
    void anAppIgnoringSigtermIsKilledAfterTheGrace() throws InterruptedException {
        // Stop only after the shell has installed its trap, or SIGTERM may arrive first and end it.
        CountDownLatch ready = new CountDownLatch(1);
        RunningWorkload app = TestCage.cage().start(RunSpec.builder("/bin/sh", "-c",
                "trap '' TERM; echo ready; while true; do sleep 0.05; done").build(),
                (c, b) -> {
                    if (new String(b, java.nio.charset.StandardCharsets.UTF_8).contains("ready")) {
                        ready.countDown();
                    }
                });
        assertTrue(ready.await(10, TimeUnit.SECONDS), "the app did not start");
        long t0 = System.nanoTime();
        RunResult r = app.stop(Duration.ofMillis(300));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(9, r.exit().signal(), r.exit().toString());
        assertTrue(ms >= 300 && ms < 5000, "took " + ms + " ms");
    }

    @Test
    void supervisorRestartsAFailingAppWithBackoffThenGivesUp() throws Exception {
        RestartPolicy policy = new RestartPolicy(RestartPolicy.Mode.ON_FAILURE, 20, 100, 10_000, 3);
        CopyOnWriteArrayList<RunResult> runs = new CopyOnWriteArrayList<>();
        Supervisor s = new Supervisor(TestCage.cage(), RunSpec.builder("/bin/sh", "-c", "echo start; exit 7").build(),
                policy, Clock.SYSTEM, (c, b) -> { }, runs::add).start();
        String reason = s.finished().get(30, TimeUnit.SECONDS);
        assertTrue(reason.contains("gave up after 3"), reason);
        assertEquals(4, s.starts());
        assertEquals(4, runs.size());
        assertTrue(runs.stream().allMatch(r -> r.exit().code() == 7));
    }

    @Test
    void supervisorStopEndsTheAppForGood() throws Exception {
        Supervisor s = new Supervisor(TestCage.cage(), RunSpec.builder("/bin/sh", "-c", "while true; do sleep 0.05; done").build(),
                RestartPolicy.DEFAULT, Clock.SYSTEM, (c, b) -> { }, r -> { }).start();
        Thread.sleep(100);
        RunResult r = s.stop(Duration.ofSeconds(2));
        assertTrue(r.containment(ContainmentReason.STOPPED).isPresent());
        assertEquals("stopped", s.finished().get(5, TimeUnit.SECONDS));
        assertEquals(1, s.starts());
    }
}

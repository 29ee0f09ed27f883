package dev.metanode.docklock;

import dev.metanode.core.workload.RunResult;
import dev.metanode.core.workload.RunSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spawn latency and overhead of the cage beside a bare ProcessBuilder and bubblewrap, in one run.
 * Tagged "bench": runs only with -Pbench. Writes its table to target/bench-cage.md.
 */
@Tag("bench")
class CageBench {
    private static final int SPAWNS = Integer.getInteger("bench.spawns", 300);
    private static final int WARMUP = 30;
    private static final int OVERHEAD_RUNS = Integer.getInteger("bench.overheadRuns", 7);

    @TempDir
    Path tmp;

    @Test
    void spawnLatencyAndOverhead() throws Exception {
        Path app = TestCage.appDir(tmp, "app");
        TestCage.compile(app, "cpu", """
                #include <stdio.h>
                int main(){ unsigned long x = 1; for (long i = 0; i < 400000000L; i++) x = x * 6364136223846793005UL + 1442695040888963407UL;
                  printf("%lu\\n", x); return 0; }
                """);
        TestCage.compile(app, "syscalls", """
                #include <fcntl.h>
                #include <unistd.h>
                int main(){ int fd = open("/dev/null", O_WRONLY); char c = 'x';
                  for (int i = 0; i < 1000000; i++) { write(fd, &c, 1); getppid(); } return 0; }
                """);
        StringBuilder md = new StringBuilder();
        md.append("load average before: ").append(Files.readString(Path.of("/proc/loadavg")).trim()).append("\n\n");
        md.append("| what | p50 ms | p90 ms | runs |\n|---|---|---|---|\n");
        // The five ways are measured interleaved, one of each per round, so a change in the
        // machine's load during the run hits them all alike.
        boolean bwrap = Files.isExecutable(Path.of("/usr/bin/bwrap"));
        String[] names = {"cage /bin/true", "cage /bin/true, seeded (logical clock, 1 MiB urandom)",
                "cage /bin/true, rlimits only (no cgroup)", "ProcessBuilder /bin/true",
                "bwrap --unshare-all --ro-bind / / /bin/true"};
        double[][] ms = new double[names.length][SPAWNS];
        RunSpec plain = RunSpec.builder("/bin/true").build();
        RunSpec seeded = RunSpec.builder("/bin/true").seed(1).build();
        try (DockLock noCgroups = DockLock.create(CageConfig.defaults().withUseCgroups(false))) {
            for (int i = -WARMUP; i < SPAWNS; i++) {
                double[] round = {cage(TestCage.cage(), plain), cage(TestCage.cage(), seeded), cage(noCgroups, plain),
                        bare(List.of("/bin/true")),
                        bwrap ? bare(List.of("bwrap", "--unshare-all", "--ro-bind", "/", "/", "/bin/true")) : 0};
                if (i >= 0) {
                    for (int k = 0; k < names.length; k++) {
                        ms[k][i] = round[k];
                    }
                }
            }
        }
        for (int k = 0; k < names.length; k++) {
            md.append(k == 4 && !bwrap ? "| bwrap | not installed | | |\n" : row(names[k], ms[k]));
        }
        md.append("\n| program | bare median ms | cage median ms | cage / bare |\n|---|---|---|---|\n");
        md.append(overhead("CPU-bound (400 M multiply-adds)", app, "cpu"));
        md.append(overhead("syscall-heavy (1 M write + 1 M getppid)", app, "syscalls"));
        md.append("\nload average after: ").append(Files.readString(Path.of("/proc/loadavg")).trim()).append("\n");
        String table = md.toString();
        System.out.println(table);
        Files.writeString(Path.of("target", "bench-cage.md"), table);
    }

    private static double cage(DockLock cage, RunSpec spec) {
        long t0 = System.nanoTime();
        RunResult r = cage.run(spec);
        long t1 = System.nanoTime();
        if (!r.exit().success()) {
            throw new IllegalStateException("cage run failed: " + r.exit() + " " + r.stderr().text());
        }
        return (t1 - t0) / 1e6;
    }

    private static double bare(List<String> cmd) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        int code = p.waitFor();
        long t1 = System.nanoTime();
        if (code != 0) {
            throw new IllegalStateException(cmd + " exited " + code);
        }
        return (t1 - t0) / 1e6;
    }

    private static String overhead(String what, Path app, String program) throws Exception {
        List<Double> bare = new ArrayList<>();
        List<Double> caged = new ArrayList<>();
        for (int i = 0; i < OVERHEAD_RUNS; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(app.resolve(program).toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor();
            bare.add((System.nanoTime() - t0) / 1e6);
            t0 = System.nanoTime();
            RunResult r = TestCage.cage().run(RunSpec.builder("/app/" + program).appDir(app).build());
            caged.add((System.nanoTime() - t0) / 1e6);
            if (!r.exit().success()) {
                throw new IllegalStateException(program + " failed in the cage: " + r.exit());
            }
        }
        double b = median(bare);
        double c = median(caged);
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.3f |%n", what, b, c, c / b);
    }

    private static double median(List<Double> values) {
        double[] a = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a[a.length / 2];
    }

    private static String row(String what, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %d |%n", what, s[s.length / 2],
                s[(int) Math.floor(s.length * 0.9)], s.length);
    }
}

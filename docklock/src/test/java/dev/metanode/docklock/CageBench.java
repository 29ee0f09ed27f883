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
        md.append(row("cage /bin/true", spawnCage(RunSpec.builder("/bin/true").build())));
        md.append(row("cage /bin/true, seeded (logical clock, 1 MiB urandom)", spawnCage(RunSpec.builder("/bin/true").seed(1).build())));
        md.append(row("ProcessBuilder /bin/true", spawnBare(List.of("/bin/true"))));
        if (Files.isExecutable(Path.of("/usr/bin/bwrap"))) {
            md.append(row("bwrap --unshare-all --ro-bind / / /bin/true",
                    spawnBare(List.of("bwrap", "--unshare-all", "--ro-bind", "/", "/", "/bin/true"))));
        } else {
            md.append("| bwrap | not installed | | |\n");
        }
        md.append("\n| program | bare median ms | cage median ms | cage / bare |\n|---|---|---|---|\n");
        md.append(overhead("CPU-bound (400 M multiply-adds)", app, "cpu"));
        md.append(overhead("syscall-heavy (1 M write + 1 M getppid)", app, "syscalls"));
        md.append("\nload average after: ").append(Files.readString(Path.of("/proc/loadavg")).trim()).append("\n");
        String table = md.toString();
        System.out.println(table);
        Files.writeString(Path.of("target", "bench-cage.md"), table);
    }

    private static double[] spawnCage(RunSpec spec) {
        double[] ms = new double[SPAWNS];
        for (int i = -WARMUP; i < SPAWNS; i++) {
            long t0 = System.nanoTime();
            RunResult r = TestCage.cage().run(spec);
            long t1 = System.nanoTime();
            if (!r.exit().success()) {
                throw new IllegalStateException("cage run failed: " + r.exit() + " " + r.stderr().text());
            }
            if (i >= 0) {
                ms[i] = (t1 - t0) / 1e6;
            }
        }
        return ms;
    }

    private static double[] spawnBare(List<String> cmd) throws IOException, InterruptedException {
        double[] ms = new double[SPAWNS];
        for (int i = -WARMUP; i < SPAWNS; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            int code = p.waitFor();
            long t1 = System.nanoTime();
            if (code != 0) {
                throw new IllegalStateException(cmd + " exited " + code);
            }
            if (i >= 0) {
                ms[i] = (t1 - t0) / 1e6;
            }
        }
        return ms;
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

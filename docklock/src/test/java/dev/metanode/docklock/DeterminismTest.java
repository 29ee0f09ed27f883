package dev.metanode.docklock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.workload.RunResult;
import dev.metanode.core.workload.RunSpec;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With one seed, a program that reads every source of non-determinism the cage covers prints the
 * same bytes and yields the same witness root ten times; another seed changes both.
 */
class DeterminismTest {
    private static final int RUNS = 10;

    @TempDir
    static Path tmp;
    static Path app;

    @BeforeAll
    static void program() throws Exception {
        app = TestCage.appDir(tmp, "app");
        TestCage.compile(app, "sources", """
                #define _GNU_SOURCE
                #include <dirent.h>
                #include <fcntl.h>
                #include <stdio.h>
                #include <stdlib.h>
                #include <string.h>
                #include <sys/random.h>
                #include <sys/stat.h>
                #include <sys/syscall.h>
                #include <sys/time.h>
                #include <sys/utsname.h>
                #include <time.h>
                #include <unistd.h>
                extern char **environ;
                static void hex(const char *label, const unsigned char *b, int n) {
                    printf("%s ", label);
                    for (int i = 0; i < n; i++) printf("%02x", b[i]);
                    printf("\\n");
                }
                int main() {
                    struct timespec ts; struct timeval tv;
                    printf("time %ld\\n", (long) time(NULL));
                    clock_gettime(CLOCK_REALTIME, &ts); printf("realtime %ld.%09ld\\n", ts.tv_sec, ts.tv_nsec);
                    clock_gettime(CLOCK_MONOTONIC, &ts); printf("monotonic %ld.%09ld\\n", ts.tv_sec, ts.tv_nsec);
                    gettimeofday(&tv, NULL); printf("gettimeofday %ld.%06ld\\n", tv.tv_sec, tv.tv_usec);
                    syscall(SYS_clock_gettime, CLOCK_REALTIME, &ts); printf("raw-realtime %ld.%09ld\\n", ts.tv_sec, ts.tv_nsec);
                    printf("raw-time %ld\\n", (long) syscall(SYS_time, NULL));
                    unsigned char b[16];
                    getrandom(b, sizeof b, 0); hex("getrandom", b, 16);
                    syscall(SYS_getrandom, b, sizeof b, 0); hex("raw-getrandom", b, 16);
                    int fd = open("/dev/urandom", O_RDONLY); read(fd, b, 16); close(fd); hex("urandom", b, 16);
                    fd = open("/dev/random", O_RDONLY); read(fd, b, 16); close(fd); hex("random", b, 16);
                    srand((unsigned) time(NULL)); printf("rand %d\\n", rand());
                    printf("pid %d ppid %d\\n", getpid(), getppid());
                    char host[64]; gethostname(host, sizeof host); printf("hostname %s\\n", host);
                    struct utsname u; uname(&u); printf("uname %s %s\\n", u.sysname, u.nodename);
                    for (char **e = environ; *e; e++) printf("env %s\\n", *e);
                    void *heap = malloc(100); int local;
                    printf("heap %p stack %p\\n", heap, (void *) &local);
                    mkdir("/tmp/d", 0755);
                    const char *names[] = {"zeta", "alpha", "mid", "beta", "omega"};
                    for (int i = 0; i < 5; i++) { char p[64]; snprintf(p, sizeof p, "/tmp/d/%s", names[i]); close(open(p, O_CREAT | O_WRONLY, 0644)); }
                    DIR *d = opendir("/tmp/d"); struct dirent *de; printf("readdir");
                    while ((de = readdir(d))) printf(" %s", de->d_name);
                    printf("\\n"); closedir(d);
                    struct tm *tm = localtime(&(time_t){0}); printf("tz-offset %ld\\n", tm->tm_gmtoff);
                    return 0;
                }
                """);
    }

    private static RunResult run(long seed) {
        return TestCage.cage().run(RunSpec.builder("/app/sources").appDir(app).seed(seed).build());
    }

    @Test
    void sameSeedSameBytesAndRoot() {
        RunResult first = run(1);
        assertTrue(first.exit().success(), first.stderr().text());
        String out = first.stdout().text();
        assertTrue(out.contains("pid 2 ppid 1") && out.contains("hostname docklock") && out.contains("tz-offset 0"), out);
        assertTrue(out.contains("env TZ=UTC"), out);
        for (int i = 1; i < RUNS; i++) {
            RunResult again = run(1);
            assertEquals(out, again.stdout().text(), "run " + i);
            assertEquals(first.witnessRoot(), again.witnessRoot(), "run " + i);
        }
    }

    @Test
    void anotherSeedChangesTimeRandomnessAndRoot() {
        RunResult one = run(1);
        RunResult two = run(2);
        assertNotEquals(one.witnessRoot(), two.witnessRoot());
        Set<String> differing = new HashSet<>();
        String[] a = one.stdout().text().split("\n");
        String[] b = two.stdout().text().split("\n");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (!a[i].equals(b[i])) {
                differing.add(a[i].split(" ")[0]);
            }
        }
        for (String source : new String[] {"time", "realtime", "gettimeofday", "raw-realtime", "raw-time", "getrandom",
                "raw-getrandom", "urandom", "random", "rand"}) {
            assertTrue(differing.contains(source), source + " should follow the seed; differing: " + differing);
        }
    }

    @Test
    void withoutASeedTimeIsTheHostsAndRandomnessIsReal() {
        RunResult a = TestCage.cage().run(RunSpec.builder("/app/sources").appDir(app).build());
        RunResult b = TestCage.cage().run(RunSpec.builder("/app/sources").appDir(app).build());
        assertNotEquals(a.stdout().text(), b.stdout().text());
        long now = System.currentTimeMillis() / 1000;
        long reported = Long.parseLong(a.stdout().text().lines().findFirst().orElseThrow().split(" ")[1]);
        assertTrue(Math.abs(now - reported) < 120, "host time: " + reported);
    }
}

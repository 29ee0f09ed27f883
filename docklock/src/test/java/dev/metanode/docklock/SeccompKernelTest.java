package dev.metanode.docklock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.workload.RunResult;
import dev.metanode.core.workload.RunSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compiled filters, installed by the kernel: the answers a program really gets. */
class SeccompKernelTest {
    @TempDir
    static Path tmp;
    static Path app;

    @BeforeAll
    static void programs() throws Exception {
        app = TestCage.appDir(tmp, "app");
        TestCage.compile(app, "probe", """
                #define _GNU_SOURCE
                #include <errno.h>
                #include <stdio.h>
                #include <string.h>
                #include <sys/socket.h>
                #include <sys/syscall.h>
                #include <unistd.h>
                static void show(const char *name, long r) { printf("%s %s\\n", name, r >= 0 ? "ok" : strerror(errno)); }
                int main(int argc, char **argv) {
                    show("io_uring_setup", syscall(SYS_io_uring_setup, 1, 0));
                    show("clone3", syscall(SYS_clone3, 0, 0));
                    show("unknown-999", syscall(999));
                    show("socket-unix", socket(AF_UNIX, SOCK_STREAM, 0));
                    show("socket-inet", socket(AF_INET, SOCK_STREAM, 0));
                    show("socket-vsock", socket(40, SOCK_STREAM, 0));
                    show("getcpu", syscall(SYS_getcpu, 0, 0, 0));
                    fflush(stdout);
                    if (argc > 1) syscall(0x40000000 | 39); /* x32 getpid */
                    return 0;
                }
                """);
    }

    private static RunResult probe(String profile, String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "/app/probe";
        System.arraycopy(args, 0, argv, 1, args.length);
        return TestCage.cage().run(RunSpec.builder(argv).appDir(app).seccompProfile(profile).build());
    }

    @Test
    void defaultProfileAnswers() {
        String out = probe("default").stdout().text();
        assertTrue(out.contains("io_uring_setup Function not implemented"), out);
        assertTrue(out.contains("clone3 Function not implemented"), out);
        assertTrue(out.contains("unknown-999 Function not implemented"), out);
        assertTrue(out.contains("socket-unix ok"), out);
        assertTrue(out.contains("socket-inet ok"), out);
        assertTrue(out.contains("socket-vsock Address family not supported"), out);
        assertTrue(out.contains("getcpu ok"), out);
    }

    @Test
    void deterministicProfileIsStricterInTheKernelToo() {
        String out = probe("deterministic").stdout().text();
        assertTrue(out.contains("socket-unix ok"), out);
        assertTrue(out.contains("socket-inet Address family not supported"), out);
        assertTrue(out.contains("getcpu Function not implemented"), out);
    }

    @Test
    void x32SystemCallKillsTheProcess() {
        RunResult r = probe("default", "x32");
        assertEquals(31, r.exit().signal(), "SIGSYS: " + r.exit());
    }

    @Test
    void customProfileFromYaml() throws Exception {
        Path profile = tmp.resolve("no-unix.yaml");
        Files.writeString(profile, """
                name: no-unix-sockets
                base: default
                replaceRules: [socket]
                rules:
                  - syscall: socket
                    action: errno:13
                """);
        String out = probe(profile.toString()).stdout().text();
        assertTrue(out.contains("socket-unix Permission denied"), out);
        assertTrue(out.contains("socket-inet Permission denied"), out);
    }
}

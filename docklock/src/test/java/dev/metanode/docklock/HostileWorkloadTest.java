package dev.metanode.docklock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.workload.ContainmentReason;
import dev.metanode.core.workload.Limits;
import dev.metanode.core.workload.RunResult;
import dev.metanode.core.workload.RunSpec;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Programs that try to break out or take the host down; each is contained and the result says why. */
class HostileWorkloadTest {
    @TempDir
    static Path tmp;
    static Path app;

    @BeforeAll
    static void programs() throws Exception {
        app = TestCage.appDir(tmp, "app");
        TestCage.compile(app, "forkbomb", "#include <unistd.h>\nint main(){for(;;)fork();}\n");
        TestCage.compile(app, "memhog", """
                #include <stdlib.h>
                #include <string.h>
                int main(){ for(int i=0;i<1024;i++){ char*p=malloc(1<<20); if(!p) return 2; memset(p,1,1<<20);} return 0; }
                """);
        TestCage.compile(app, "syscalls", """
                #define _GNU_SOURCE
                #include <errno.h>
                #include <stdio.h>
                #include <string.h>
                #include <sys/syscall.h>
                #include <unistd.h>
                static void try(const char *name, long r) { printf("%s %s\\n", name, r == 0 ? "succeeded" : strerror(errno)); }
                int main() {
                    try("mount", syscall(SYS_mount, "none", "/tmp", "tmpfs", 0, 0));
                    try("ptrace", syscall(SYS_ptrace, 16, 1, 0, 0));
                    try("bpf", syscall(SYS_bpf, 0, 0, 0));
                    try("kexec_load", syscall(SYS_kexec_load, 0, 0, 0, 0));
                    try("unshare", syscall(SYS_unshare, 0x10000000));
                    try("keyctl", syscall(SYS_keyctl, 0, 0, 0, 0, 0));
                    return 0;
                }
                """);
        TestCage.compile(app, "whoami", """
                #include <stdio.h>
                #include <unistd.h>
                int main(){ printf("euid=%d uid=%d\\n", geteuid(), getuid()); return 0; }
                """);
        Files.copy(app.resolve("whoami"), app.resolve("setuid-whoami"));
        // Root-owned and setuid: outside a cage it would run with euid 0.
        assertEquals(0, new ProcessBuilder("chmod", "4755", app.resolve("setuid-whoami").toString()).start().waitFor());
    }

    private static RunResult run(RunSpec.Builder spec) {
        return TestCage.cage().run(spec.appDir(app).build());
    }

    @Test
    void forkBombHitsThePidsLimit() {
        RunResult r = run(RunSpec.builder("/app/forkbomb").limits(Limits.DEFAULT.withPidsMax(32))
                .timeout(Duration.ofSeconds(2)));
        assertTrue(r.containment(ContainmentReason.PIDS_LIMIT).isPresent(), r.containments().toString());
        assertTrue(r.containment(ContainmentReason.TIMEOUT).isPresent(), r.containments().toString());
        assertEquals(9, r.exit().signal());
    }

    @Test
    void memoryHogIsKilledAtTheMemoryLimit() {
        RunResult r = run(RunSpec.builder("/app/memhog").limits(Limits.DEFAULT.withMemoryBytesMax(64L << 20)));
        assertTrue(r.containment(ContainmentReason.MEMORY_LIMIT).isPresent(), r.containments() + " " + r.exit());
        assertEquals(9, r.exit().signal(), r.exit().toString());
    }

    @Test
    void fillingTmpStopsAtTheTmpfsLimit() {
        RunResult r = run(RunSpec.builder("/bin/sh", "-c", "dd if=/dev/zero of=/tmp/fill bs=1M count=100")
                .limits(Limits.DEFAULT.withTmpfsBytesMax(8L << 20)));
        assertTrue(r.containment(ContainmentReason.TMPFS_FULL).isPresent(), r.containments() + " " + r.usage() + r.stderr().text());
        assertTrue(r.stderr().text().contains("No space left on device"), r.stderr().text());
        assertFalse(r.exit().success());
    }

    @Test
    void noNetworkEgressWithNetworkNone() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(200);
            RunResult r = run(RunSpec.builder("/bin/sh", "-c", "tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' '"));
            // The node listens on its loopback; the cage's loopback is another one.
            RunResult bash = run(RunSpec.builder("/bin/bash", "-c",
                    "exec 3<>/dev/tcp/127.0.0.1/" + server.getLocalPort() + " && echo connected"));
            assertEquals("lo\n", r.stdout().text(), "only a loopback interface");
            assertFalse(bash.stdout().text().contains("connected"), bash.stdout().text());
            assertTrue(bash.stderr().text().contains("Connection refused"), bash.stderr().text());
            assertTrue(acceptsNothing(server));
        }
    }

    private static boolean acceptsNothing(ServerSocket server) throws Exception {
        try {
            server.accept().close();
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        }
    }

    @Test
    void dangerousSyscallsAreDeniedAndRecorded() {
        RunResult r = run(RunSpec.builder("/app/syscalls"));
        for (String call : new String[] {"mount", "ptrace", "bpf", "kexec_load", "unshare", "keyctl"}) {
            assertTrue(r.stdout().text().contains(call + " Operation not permitted"), r.stdout().text());
            assertTrue(r.containments().stream().anyMatch(c -> c.reason() == ContainmentReason.SYSCALL_DENIED
                    && c.detail().startsWith(call + " denied")), call + ": " + r.containments());
        }
    }

    @Test
    void secretsOfTheHostAreNotInTheView() {
        RunResult r = run(RunSpec.builder("/bin/sh", "-c", "cat /etc/shadow; ls /root; cat /etc/passwd"));
        assertTrue(r.stderr().text().contains("/etc/shadow: No such file"), r.stderr().text());
        assertTrue(r.stderr().text().contains("/root"), r.stderr().text());
        assertFalse(r.stdout().text().contains("daemon:"), "only the cage's own passwd: " + r.stdout().text());
    }

    @Test
    void setuidBinaryGainsNothing() throws Exception {
        assertTrue(Files.getPosixFilePermissions(app.resolve("setuid-whoami")).contains(
                java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE));
        RunResult r = run(RunSpec.builder("/app/setuid-whoami"));
        assertEquals("euid=65534 uid=65534\n", r.stdout().text(), r.stderr().text());
    }

    @Test
    void hostProcessesCannotBeSignalled() throws Exception {
        Process host = new ProcessBuilder("sleep", "30").start();
        try {
            RunResult r = run(RunSpec.builder("/bin/sh", "-c", "kill -9 " + host.pid() + "; kill -9 -1; echo done"));
            assertTrue(r.stderr().text().contains("No such process"), r.stderr().text());
            assertTrue(host.isAlive(), "the host process survived");
        } finally {
            host.destroyForcibly();
        }
    }

    @Test
    void writesOutsideTheViewFail() {
        RunResult r = run(RunSpec.builder("/bin/sh", "-c",
                "for f in /evil /etc/evil /usr/evil /app/evil /proc/evil; do echo x > $f && echo wrote $f; done; echo ok > /tmp/fine && cat /tmp/fine"));
        assertEquals("ok\n", r.stdout().text(), r.stderr().text());
        assertFalse(Files.exists(Path.of("/usr/evil")));
        assertFalse(Files.exists(app.resolve("evil")));
    }
}

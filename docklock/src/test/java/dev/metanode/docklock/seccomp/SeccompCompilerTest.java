package dev.metanode.docklock.seccomp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.workload.WorkloadException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compiled filter, run in a BPF interpreter, decides every call exactly as the profile says. */
class SeccompCompilerTest {
    private static final SeccompCompiler.Options PLAIN = new SeccompCompiler.Options(false, false);
    private static final SeccompCompiler.Options NOTIFY = new SeccompCompiler.Options(true, false);
    private static final SeccompCompiler.Options SEEDED = new SeccompCompiler.Options(true, true);
    private static final int ERRNO_EPERM = Bpf.RET_ERRNO | 1;
    private static final int ERRNO_ENOSYS = Bpf.RET_ERRNO | 38;

    private static int run(BpfInterpreter bpf, String syscall, long... args) {
        return bpf.run(Syscalls.require(syscall), Bpf.AUDIT_ARCH_X86_64, args);
    }

    @Test
    void everySyscallMatchesTheProfileWithRandomArguments() {
        SplittableRandom random = new SplittableRandom(7);
        for (String name : new String[] {"default", "deterministic"}) {
            SeccompProfile profile = ProfileLoader.load(name);
            for (SeccompCompiler.Options options : new SeccompCompiler.Options[] {PLAIN, NOTIFY}) {
                BpfInterpreter bpf = new BpfInterpreter(SeccompCompiler.compile(profile, options));
                for (Map.Entry<String, Integer> call : Syscalls.all().entrySet()) {
                    for (int i = 0; i < 40; i++) {
                        long[] args = randomArgs(random);
                        int expected = SeccompCompiler.encode(profile.decide(call.getKey(), args), options);
                        assertEquals(expected, bpf.run(call.getValue(), Bpf.AUDIT_ARCH_X86_64, args),
                                name + " " + call.getKey() + " args " + java.util.Arrays.toString(args));
                    }
                }
            }
        }
    }

    private static long[] randomArgs(SplittableRandom random) {
        long[] args = new long[6];
        for (int i = 0; i < 6; i++) {
            args[i] = switch (random.nextInt(4)) {
                case 0 -> random.nextLong();
                case 1 -> random.nextInt(50);
                case 2 -> random.nextLong() & 0x7E020000L;
                default -> random.nextBoolean() ? 0xffffffffL : 0x1_0000_0001L;
            };
        }
        return args;
    }

    @Test
    void defaultProfileDecisions() {
        BpfInterpreter bpf = new BpfInterpreter(SeccompCompiler.compile(ProfileLoader.load("default"), PLAIN));
        assertEquals(Bpf.RET_ALLOW, run(bpf, "read"));
        assertEquals(Bpf.RET_ALLOW, run(bpf, "execve"));
        for (String dangerous : new String[] {"mount", "ptrace", "bpf", "kexec_load", "unshare", "keyctl", "setns",
                "init_module", "reboot", "pivot_root", "umount2", "add_key", "perf_event_open"}) {
            assertEquals(ERRNO_EPERM, run(bpf, dangerous), dangerous);
        }
        assertEquals(ERRNO_ENOSYS, run(bpf, "io_uring_setup"), "unknown to the profile: ENOSYS");
        assertEquals(ERRNO_ENOSYS, bpf.run(999, Bpf.AUDIT_ARCH_X86_64, new long[0]), "unknown number");
        assertEquals(ERRNO_ENOSYS, run(bpf, "clone3"));
        assertEquals(Bpf.RET_ALLOW, run(bpf, "clone", 0x01200011L), "fork-style clone");
        assertEquals(ERRNO_EPERM, run(bpf, "clone", 0x10000000L), "CLONE_NEWUSER");
        assertEquals(ERRNO_EPERM, run(bpf, "clone", 0x20000000L | 0x11), "CLONE_NEWPID");
        assertEquals(Bpf.RET_ALLOW, run(bpf, "socket", 2), "AF_INET");
        assertEquals(Bpf.RET_ALLOW, run(bpf, "socket", 1), "AF_UNIX");
        assertEquals(Bpf.RET_ERRNO | 97, run(bpf, "socket", 40), "AF_VSOCK");
        assertEquals(Bpf.RET_ERRNO | 97, run(bpf, "socket", 0x1_0000_0002L), "high bits set");
        assertEquals(Bpf.RET_ALLOW, run(bpf, "personality", 0xffffffffL));
        assertEquals(ERRNO_EPERM, run(bpf, "personality", 0x0040000L), "ADDR_NO_RANDOMIZE from inside");
    }

    @Test
    void wrongArchitectureAndX32AreKilled() {
        BpfInterpreter bpf = new BpfInterpreter(SeccompCompiler.compile(ProfileLoader.load("default"), PLAIN));
        int i386 = 0x40000003;
        assertEquals(Bpf.RET_KILL_PROCESS, bpf.run(0, i386, new long[0]));
        assertEquals(Bpf.RET_KILL_PROCESS, bpf.run(Bpf.X32_SYSCALL_BIT | 0, Bpf.AUDIT_ARCH_X86_64, new long[0]));
        assertEquals(Bpf.RET_KILL_PROCESS, bpf.run(Bpf.X32_SYSCALL_BIT | 59, Bpf.AUDIT_ARCH_X86_64, new long[0]));
    }

    @Test
    void notifyModeSendsDenialsAndSeededCallsToTheSupervisor() {
        SeccompProfile profile = ProfileLoader.load("default");
        BpfInterpreter notify = new BpfInterpreter(SeccompCompiler.compile(profile, NOTIFY));
        assertEquals(Bpf.RET_USER_NOTIF, run(notify, "mount"));
        assertEquals(Bpf.RET_ALLOW, run(notify, "getrandom"), "unseeded: the kernel's randomness");
        BpfInterpreter seeded = new BpfInterpreter(SeccompCompiler.compile(profile, SEEDED));
        for (String call : SeccompCompiler.SEEDED_SYSCALLS) {
            assertEquals(Bpf.RET_USER_NOTIF, run(seeded, call), call);
        }
        assertEquals(Bpf.RET_ALLOW, run(seeded, "write"));
    }

    @Test
    void deterministicProfileIsStricter() {
        BpfInterpreter bpf = new BpfInterpreter(SeccompCompiler.compile(ProfileLoader.load("deterministic"), PLAIN));
        assertEquals(Bpf.RET_ALLOW, run(bpf, "socket", 1), "AF_UNIX stays");
        assertEquals(Bpf.RET_ERRNO | 97, run(bpf, "socket", 2), "no AF_INET");
        assertEquals(ERRNO_ENOSYS, run(bpf, "getcpu"));
        assertEquals(ERRNO_EPERM, run(bpf, "mount"));
        assertEquals(Bpf.RET_ALLOW, run(bpf, "read"));
    }

    @Test
    void argumentFreeCallsAreDecidedWithoutLoadingArguments() {
        // The search tree returns within ~2 log2(n) + a few instructions for every argument-free call.
        BpfInterpreter bpf = new BpfInterpreter(SeccompCompiler.compile(ProfileLoader.load("default"), PLAIN));
        for (String call : new String[] {"read", "write", "futex", "mmap", "exit_group", "mount"}) {
            assertTrue(bpf.steps(Syscalls.require(call), new long[6]) <= 24, call + " takes "
                    + bpf.steps(Syscalls.require(call), new long[6]) + " steps");
        }
        assertTrue(bpf.length() < 2000, "length " + bpf.length());
    }

    @Test
    void customYamlProfile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.yaml");
        Files.writeString(file, """
                name: tiny
                defaultAction: kill
                allow: [read, write, exit_group]
                deny: [openat]
                rules:
                  - syscall: ioctl
                    action: errno:25
                    args: [{index: 1, op: eq, value: 0x5401}]
                  - syscall: mmap
                    action: allow
                    args: [{index: 2, op: masked_eq, mask: 4, value: 0}]
                  - syscall: lseek
                    action: allow
                    args: [{index: 1, op: le, value: 100}, {index: 2, op: ne, value: 2}]
                """);
        SeccompProfile profile = ProfileLoader.load(file.toString());
        BpfInterpreter bpf = new BpfInterpreter(SeccompCompiler.compile(profile, PLAIN));
        assertEquals(Bpf.RET_ALLOW, run(bpf, "read"));
        assertEquals(ERRNO_EPERM, run(bpf, "openat"));
        assertEquals(Bpf.RET_KILL_PROCESS, run(bpf, "close"));
        assertEquals(Bpf.RET_ERRNO | 25, run(bpf, "ioctl", 1, 0x5401));
        assertEquals(Bpf.RET_KILL_PROCESS, run(bpf, "ioctl", 1, 0x5402));
        assertEquals(Bpf.RET_ALLOW, run(bpf, "mmap", 0, 4096, 3));
        assertEquals(Bpf.RET_KILL_PROCESS, run(bpf, "mmap", 0, 4096, 7), "PROT_EXEC");
        assertEquals(Bpf.RET_ALLOW, run(bpf, "lseek", 3, 100, 0));
        assertEquals(Bpf.RET_KILL_PROCESS, run(bpf, "lseek", 3, 101, 0));
        assertEquals(Bpf.RET_KILL_PROCESS, run(bpf, "lseek", 3, 1, 2));
    }

    @Test
    void badProfilesGiveOneClearMessage(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "allow: [read, frobnicate]\n");
        WorkloadException e = assertThrows(WorkloadException.class, () -> ProfileLoader.load(file.toString()));
        assertTrue(e.getMessage().contains("frobnicate"), e.getMessage());
        WorkloadException missing = assertThrows(WorkloadException.class, () -> ProfileLoader.load("strict"));
        assertTrue(missing.getMessage().contains("neither a built-in profile"), missing.getMessage());
    }
}

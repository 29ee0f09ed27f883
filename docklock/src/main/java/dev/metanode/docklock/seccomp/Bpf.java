package dev.metanode.docklock.seccomp;

/** Classic BPF opcodes and the seccomp constants the compiler and the interpreter share. */
public final class Bpf {
    public static final int LD_W_ABS = 0x20;
    public static final int ALU_AND_K = 0x54;
    public static final int JMP_JA = 0x05;
    public static final int JMP_JEQ_K = 0x15;
    public static final int JMP_JGT_K = 0x25;
    public static final int JMP_JGE_K = 0x35;
    public static final int JMP_JSET_K = 0x45;
    public static final int RET_K = 0x06;

    /** Offsets in struct seccomp_data. */
    public static final int OFFSET_NR = 0;
    public static final int OFFSET_ARCH = 4;
    public static final int OFFSET_ARGS = 16;

    public static final int AUDIT_ARCH_X86_64 = 0xC000003E;
    /** x32 ABI system calls have this bit set in their number. */
    public static final int X32_SYSCALL_BIT = 0x40000000;

    public static final int RET_KILL_PROCESS = 0x80000000;
    public static final int RET_ERRNO = 0x00050000;
    public static final int RET_USER_NOTIF = 0x7fc00000;
    public static final int RET_ALLOW = 0x7fff0000;
    public static final int RET_ACTION_MASK = 0xffff0000;
    public static final int RET_DATA_MASK = 0x0000ffff;

    /** The kernel's limit on filter length (BPF_MAXINSNS). */
    public static final int INSTRUCTIONS_MAX = 4096;
    /** Bytes of one struct sock_filter. */
    public static final int INSTRUCTION_BYTES = 8;

    private Bpf() {}
}

package dev.metanode.docklock.seccomp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A classic BPF interpreter over struct seccomp_data, as the kernel runs a seccomp filter. It
 * checks what the kernel's verifier checks that matters here: forward jumps inside the program,
 * aligned loads inside seccomp_data, and a return on every path.
 */
final class BpfInterpreter {
    private static final int SECCOMP_DATA_BYTES = 64;

    private final int[] code;
    private final int[] jt;
    private final int[] jf;
    private final int[] k;

    BpfInterpreter(byte[] program) {
        if (program.length % Bpf.INSTRUCTION_BYTES != 0 || program.length == 0) {
            throw new IllegalArgumentException("not a whole number of instructions");
        }
        int n = program.length / Bpf.INSTRUCTION_BYTES;
        if (n > Bpf.INSTRUCTIONS_MAX) {
            throw new IllegalArgumentException("too many instructions: " + n);
        }
        code = new int[n];
        jt = new int[n];
        jf = new int[n];
        k = new int[n];
        ByteBuffer in = ByteBuffer.wrap(program).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            code[i] = in.getShort() & 0xffff;
            jt[i] = in.get() & 0xff;
            jf[i] = in.get() & 0xff;
            k[i] = in.getInt();
        }
    }

    int length() {
        return code.length;
    }

    /** Runs the filter; returns the 32-bit seccomp return value. */
    int run(int nr, int arch, long[] args) {
        ByteBuffer data = ByteBuffer.allocate(SECCOMP_DATA_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        data.putInt(0, nr).putInt(4, arch).putLong(8, 0x401000L);
        for (int i = 0; i < 6; i++) {
            data.putLong(16 + 8 * i, args.length > i ? args[i] : 0);
        }
        int a = 0;
        int pc = 0;
        while (true) {
            if (pc >= code.length) {
                throw new IllegalStateException("fell off the end of the program");
            }
            int op = code[pc];
            switch (op) {
                case Bpf.LD_W_ABS -> {
                    if (k[pc] < 0 || k[pc] + 4 > SECCOMP_DATA_BYTES || k[pc] % 4 != 0) {
                        throw new IllegalStateException("bad load offset " + k[pc] + " at " + pc);
                    }
                    a = data.getInt(k[pc]);
                    pc++;
                }
                case Bpf.ALU_AND_K -> {
                    a &= k[pc];
                    pc++;
                }
                case Bpf.JMP_JA -> pc = target(pc, k[pc]);
                case Bpf.JMP_JEQ_K -> pc = target(pc, a == k[pc] ? jt[pc] : jf[pc]);
                case Bpf.JMP_JGT_K -> pc = target(pc, Integer.compareUnsigned(a, k[pc]) > 0 ? jt[pc] : jf[pc]);
                case Bpf.JMP_JGE_K -> pc = target(pc, Integer.compareUnsigned(a, k[pc]) >= 0 ? jt[pc] : jf[pc]);
                case Bpf.JMP_JSET_K -> pc = target(pc, (a & k[pc]) != 0 ? jt[pc] : jf[pc]);
                case Bpf.RET_K -> {
                    return k[pc];
                }
                default -> throw new IllegalStateException("unsupported opcode 0x" + Integer.toHexString(op) + " at " + pc);
            }
        }
    }

    /** Number of instructions executed for a call: the cost of the filter for it. */
    int steps(int nr, long[] args) {
        // Re-run counting; cheap enough for tests.
        int count = 0;
        ByteBuffer data = ByteBuffer.allocate(SECCOMP_DATA_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        data.putInt(0, nr).putInt(4, Bpf.AUDIT_ARCH_X86_64);
        for (int i = 0; i < 6; i++) {
            data.putLong(16 + 8 * i, args.length > i ? args[i] : 0);
        }
        int a = 0;
        int pc = 0;
        while (true) {
            count++;
            int op = code[pc];
            switch (op) {
                case Bpf.LD_W_ABS -> { a = data.getInt(k[pc]); pc++; }
                case Bpf.ALU_AND_K -> { a &= k[pc]; pc++; }
                case Bpf.JMP_JA -> pc = pc + 1 + k[pc];
                case Bpf.JMP_JEQ_K -> pc = pc + 1 + (a == k[pc] ? jt[pc] : jf[pc]);
                case Bpf.JMP_JGT_K -> pc = pc + 1 + (Integer.compareUnsigned(a, k[pc]) > 0 ? jt[pc] : jf[pc]);
                case Bpf.JMP_JGE_K -> pc = pc + 1 + (Integer.compareUnsigned(a, k[pc]) >= 0 ? jt[pc] : jf[pc]);
                case Bpf.RET_K -> { return count; }
                default -> throw new IllegalStateException("opcode " + op);
            }
        }
    }

    private int target(int pc, int offset) {
        int next = pc + 1 + offset;
        if (offset < 0 || next >= code.length) {
            throw new IllegalStateException("jump out of the program at " + pc);
        }
        return next;
    }
}

package dev.metanode.docklock.seccomp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compiles a {@link SeccompProfile} to a seccomp BPF filter for x86_64.
 *
 * <p>Layout: check the architecture (anything but x86_64 is killed), kill x32 system calls, then a
 * binary search over the system call number that returns directly for every call without argument
 * conditions (so the kernel's action cache can decide them without running the filter), then one
 * block per call with argument conditions, then the default action.
 */
public final class SeccompCompiler {
    /** Calls in one leaf of the search tree, compared one after another. */
    private static final int LEAF_SIZE = 4;

    /** The system calls the cage emulates for a seeded run: time and randomness. */
    public static final List<String> SEEDED_SYSCALLS = List.of("clock_gettime", "gettimeofday", "time", "getrandom");

    /**
     * @param notifyDenials send {@code deny} calls to the user-notification supervisor (recorded, EPERM)
     *                      instead of answering EPERM in the filter
     * @param emulateSeeded send {@link #SEEDED_SYSCALLS} to the supervisor, which answers them from the seed
     */
    public record Options(boolean notifyDenials, boolean emulateSeeded) {}

    private SeccompCompiler() {}

    /** The filter as struct sock_filter[] bytes, ready for the cage. */
    public static byte[] compile(SeccompProfile profile, Options options) {
        Map<Integer, List<SyscallRule>> byNumber = new TreeMap<>();
        for (SyscallRule rule : profile.rules()) {
            byNumber.computeIfAbsent(Syscalls.require(rule.syscall()), n -> new ArrayList<>()).add(rule);
        }
        if (options.emulateSeeded()) {
            for (String name : SEEDED_SYSCALLS) {
                byNumber.put(Syscalls.require(name), List.of(new SyscallRule(name, SeccompAction.ALLOW, List.of())));
            }
        }
        BpfAssembler asm = new BpfAssembler();
        int defaultReturn = encode(profile.defaultAction(), options);
        BpfAssembler.Label archOk = asm.label();
        asm.load(Bpf.OFFSET_ARCH);
        asm.jump(Bpf.JMP_JEQ_K, Bpf.AUDIT_ARCH_X86_64, archOk, null);
        asm.ret(Bpf.RET_KILL_PROCESS);
        asm.place(archOk);
        BpfAssembler.Label native64 = asm.label();
        asm.load(Bpf.OFFSET_NR);
        asm.jump(Bpf.JMP_JGE_K, Bpf.X32_SYSCALL_BIT, null, native64);
        asm.ret(Bpf.RET_KILL_PROCESS);
        asm.place(native64);

        Map<Integer, BpfAssembler.Label> argBlocks = new LinkedHashMap<>();
        List<int[]> leaves = new ArrayList<>(); // {number, return value or -1 for an argument block}
        for (Map.Entry<Integer, List<SyscallRule>> e : byNumber.entrySet()) {
            List<SyscallRule> rules = e.getValue();
            boolean argFree = rules.stream().allMatch(SyscallRule::unconditional);
            boolean seeded = options.emulateSeeded() && SEEDED_SYSCALLS.contains(rules.get(0).syscall());
            if (seeded) {
                leaves.add(new int[] {e.getKey(), Bpf.RET_USER_NOTIF});
            } else if (argFree) {
                leaves.add(new int[] {e.getKey(), encode(rules.get(0).action(), options)});
            } else {
                argBlocks.put(e.getKey(), asm.label());
                leaves.add(new int[] {e.getKey(), -1});
            }
        }
        searchTree(asm, leaves, 0, leaves.size(), argBlocks, defaultReturn);
        for (Map.Entry<Integer, BpfAssembler.Label> e : argBlocks.entrySet()) {
            asm.place(e.getValue());
            argumentBlock(asm, byNumber.get(e.getKey()), options, defaultReturn);
        }
        if (asm.size() > Bpf.INSTRUCTIONS_MAX) {
            throw new IllegalArgumentException("profile " + profile.name() + " compiles to " + asm.size()
                    + " instructions, more than the kernel's " + Bpf.INSTRUCTIONS_MAX);
        }
        return asm.assemble();
    }

    /** The filter return value for an action. */
    static int encode(SeccompAction action, Options options) {
        return switch (action.kind()) {
            case ALLOW -> Bpf.RET_ALLOW;
            case KILL -> Bpf.RET_KILL_PROCESS;
            case ERRNO -> Bpf.RET_ERRNO | action.errno();
            case DENY -> options.notifyDenials() ? Bpf.RET_USER_NOTIF : Bpf.RET_ERRNO | SeccompAction.EPERM;
        };
    }

    /** Binary search over leaves[from, to) by number; the accumulator holds the number. */
    private static void searchTree(BpfAssembler asm, List<int[]> leaves, int from, int to,
            Map<Integer, BpfAssembler.Label> argBlocks, int defaultReturn) {
        if (to - from <= LEAF_SIZE) {
            for (int i = from; i < to; i++) {
                int[] leaf = leaves.get(i);
                BpfAssembler.Label next = asm.label();
                asm.jump(Bpf.JMP_JEQ_K, leaf[0], null, next);
                if (leaf[1] == -1) {
                    asm.jumpAlways(argBlocks.get(leaf[0]));
                } else {
                    asm.ret(leaf[1]);
                }
                asm.place(next);
            }
            asm.ret(defaultReturn);
            return;
        }
        int mid = (from + to) / 2;
        BpfAssembler.Label upper = asm.label();
        BpfAssembler.Label lower = asm.label();
        asm.jump(Bpf.JMP_JGE_K, leaves.get(mid)[0], null, lower);
        asm.jumpAlways(upper);
        asm.place(lower);
        searchTree(asm, leaves, from, mid, argBlocks, defaultReturn);
        asm.place(upper);
        searchTree(asm, leaves, mid, to, argBlocks, defaultReturn);
    }

    /** Conditional rules in order, then the call's unconditional rule, then the default. */
    private static void argumentBlock(BpfAssembler asm, List<SyscallRule> rules, Options options, int defaultReturn) {
        int fallback = defaultReturn;
        for (SyscallRule rule : rules) {
            if (rule.unconditional()) {
                fallback = encode(rule.action(), options);
                break;
            }
        }
        for (SyscallRule rule : rules) {
            if (rule.unconditional()) {
                continue;
            }
            BpfAssembler.Label nextRule = asm.label();
            for (ArgCondition c : rule.conditions()) {
                condition(asm, c, nextRule);
            }
            asm.ret(encode(rule.action(), options));
            asm.place(nextRule);
        }
        asm.ret(fallback);
    }

    /** Falls through when the condition holds, jumps to {@code fail} otherwise. */
    private static void condition(BpfAssembler asm, ArgCondition c, BpfAssembler.Label fail) {
        int lowOffset = Bpf.OFFSET_ARGS + 8 * c.index();
        int highOffset = lowOffset + 4;
        int vHigh = (int) (c.value() >>> 32);
        int vLow = (int) c.value();
        BpfAssembler.Label pass = asm.label();
        switch (c.op()) {
            case EQ -> {
                asm.load(highOffset);
                asm.jump(Bpf.JMP_JEQ_K, vHigh, null, fail);
                asm.load(lowOffset);
                asm.jump(Bpf.JMP_JEQ_K, vLow, null, fail);
            }
            case NE -> {
                asm.load(highOffset);
                asm.jump(Bpf.JMP_JEQ_K, vHigh, null, pass);
                asm.load(lowOffset);
                asm.jump(Bpf.JMP_JEQ_K, vLow, fail, null);
            }
            case MASKED_EQ -> {
                asm.load(highOffset);
                asm.and((int) (c.mask() >>> 32));
                asm.jump(Bpf.JMP_JEQ_K, vHigh, null, fail);
                asm.load(lowOffset);
                asm.and((int) c.mask());
                asm.jump(Bpf.JMP_JEQ_K, vLow, null, fail);
            }
            // Unsigned 64-bit order: decide on the high words unless they are equal, then on the low words.
            case GT, GE -> {
                asm.load(highOffset);
                asm.jump(Bpf.JMP_JGT_K, vHigh, pass, null);
                asm.jump(Bpf.JMP_JEQ_K, vHigh, null, fail);
                asm.load(lowOffset);
                asm.jump(c.op() == ArgCondition.Op.GT ? Bpf.JMP_JGT_K : Bpf.JMP_JGE_K, vLow, null, fail);
            }
            case LT, LE -> {
                asm.load(highOffset);
                asm.jump(Bpf.JMP_JGT_K, vHigh, fail, null);
                asm.jump(Bpf.JMP_JEQ_K, vHigh, null, pass);
                asm.load(lowOffset);
                asm.jump(c.op() == ArgCondition.Op.LT ? Bpf.JMP_JGE_K : Bpf.JMP_JGT_K, vLow, fail, null);
            }
        }
        asm.place(pass);
    }
}

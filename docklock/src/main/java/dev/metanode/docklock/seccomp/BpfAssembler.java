package dev.metanode.docklock.seccomp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Emits classic BPF with symbolic forward jumps. Conditional jumps reach at most 255 instructions;
 * the compiler keeps them short and uses {@link #jumpAlways} for far targets.
 */
final class BpfAssembler {
    /** A jump target; placed once with {@link #place}. */
    static final class Label {
        private int position = -1;
    }

    private record Insn(int code, Label jt, Label jf, int k, Label target) {}

    private final List<Insn> insns = new ArrayList<>();

    Label label() {
        return new Label();
    }

    void place(Label label) {
        if (label.position >= 0) {
            throw new IllegalStateException("label placed twice");
        }
        label.position = insns.size();
    }

    void load(int offset) {
        insns.add(new Insn(Bpf.LD_W_ABS, null, null, offset, null));
    }

    void and(int mask) {
        insns.add(new Insn(Bpf.ALU_AND_K, null, null, mask, null));
    }

    /** Conditional jump; a null label means "the next instruction". */
    void jump(int code, int k, Label whenTrue, Label whenFalse) {
        insns.add(new Insn(code, whenTrue, whenFalse, k, null));
    }

    void jumpAlways(Label target) {
        insns.add(new Insn(Bpf.JMP_JA, null, null, 0, target));
    }

    void ret(int value) {
        insns.add(new Insn(Bpf.RET_K, null, null, value, null));
    }

    int size() {
        return insns.size();
    }

    /** Resolves labels and encodes struct sock_filter[] in the host's (little-endian) byte order. */
    byte[] assemble() {
        ByteBuffer out = ByteBuffer.allocate(insns.size() * Bpf.INSTRUCTION_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < insns.size(); i++) {
            Insn insn = insns.get(i);
            int k = insn.k();
            if (insn.code() == Bpf.JMP_JA) {
                k = offset(i, insn.target(), Integer.MAX_VALUE);
            }
            out.putShort((short) insn.code());
            out.put((byte) offset(i, insn.jt(), 255));
            out.put((byte) offset(i, insn.jf(), 255));
            out.putInt(k);
        }
        return out.array();
    }

    private int offset(int from, Label to, int max) {
        if (to == null) {
            return 0;
        }
        if (to.position < 0) {
            throw new IllegalStateException("jump to a label never placed");
        }
        int offset = to.position - from - 1;
        if (offset < 0 || offset > max) {
            throw new IllegalStateException("jump offset " + offset + " out of range at instruction " + from);
        }
        return offset;
    }
}

package dev.metanode.docklock.seccomp;

import java.util.Locale;

/**
 * A test on one 64-bit system call argument, as libseccomp's {@code SCMP_CMP_*}.
 *
 * @param index argument index, 0..5
 * @param op    comparison
 * @param value the value compared with (after masking, for {@link Op#MASKED_EQ})
 * @param mask  the mask for {@link Op#MASKED_EQ}, ignored otherwise
 */
public record ArgCondition(int index, Op op, long value, long mask) {
    public static final int ARGS_MAX = 6;

    /** Unsigned 64-bit comparisons of the argument with the value. */
    public enum Op { EQ, NE, LT, LE, GT, GE, MASKED_EQ }

    public ArgCondition {
        if (index < 0 || index >= ARGS_MAX) {
            throw new IllegalArgumentException("argument index must be 0.." + (ARGS_MAX - 1) + ": " + index);
        }
    }

    public static ArgCondition of(int index, Op op, long value) {
        return new ArgCondition(index, op, value, -1L);
    }

    public static Op parseOp(String text) {
        try {
            return Op.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown comparison '" + text + "' (one of eq, ne, lt, le, gt, ge, masked_eq)");
        }
    }

    /** What the filter computes, for tests and for the reference evaluator. */
    public boolean test(long arg) {
        return switch (op) {
            case EQ -> arg == value;
            case NE -> arg != value;
            case LT -> Long.compareUnsigned(arg, value) < 0;
            case LE -> Long.compareUnsigned(arg, value) <= 0;
            case GT -> Long.compareUnsigned(arg, value) > 0;
            case GE -> Long.compareUnsigned(arg, value) >= 0;
            case MASKED_EQ -> (arg & mask) == value;
        };
    }
}

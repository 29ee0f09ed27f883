package dev.metanode.consensus.vrf;

import java.util.List;

/**
 * Ed25519 (RFC 8032) signature checks for consensus, one at a time or many at once, with one rule
 * for both: the key and R are canonical encodings of curve points, the key is not of small order,
 * s &lt; L, and the cofactored equation [8][s]B = [8]R + [8][k]A holds. Every node must answer every signature the same way
 * whether it checked it alone or in a batch, and only the cofactored equation allows that: the
 * cofactorless one can disagree with a batch on a signature crafted with a small-order component
 * (see Chalkias, Garillot, Nikolaenko, "Taming the many EdDSAs", 2020).
 *
 * <p>A batch checks one random linear combination of all the equations,
 * [8]([sum z_i s_i]B - sum [z_i]R_i - sum [z_i k_i]A_i) = 0 with random 128-bit z_i, in one
 * multi-scalar multiplication; terms with the same key share one point. A false equation survives
 * it with probability about 2^-128. When a batch fails, its halves are checked, down to single
 * checks, so one bad signature costs a few more batches, not the whole batch's worth of singles.
 *
 * <p>The arithmetic is this package's variable-time verification code (the inputs are public):
 * {@link FieldElement51} (5 x 51-bit limbs), {@link VerifyPoint}, {@link StrausSum} and
 * {@link ScalarModL}, in per-thread workspaces that are reused, so a check allocates nothing per
 * signature once a thread has seen its largest batch. See docs/CONSENSUS.md, "Signature checks".
 */
public final class Ed25519Batch {
    /** Below this size a batch is checked one signature at a time. */
    private static final int SMALLEST_BATCH = 4;
    /**
     * {@link #verifyEach} makes batches of at most this many: it bounds a thread's workspace (~0.7 MiB
     * at 256), and beyond it a bigger batch saves little, its doublings being shared already.
     */
    private static final int LARGEST_BATCH = 256;
    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    private Ed25519Batch() {}

    /** One signature to check. */
    public record Check(byte[] publicKey, byte[] message, byte[] signature) {}

    /** The rule of this class for one signature. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        Workspace w = WORKSPACE.get();
        w.parsed.clear(1);
        return w.parsed.add(publicKey, message, signature, 0, false) && w.equation.holds(w.parsed, 0);
    }

    /** The rule of this class for each of {@code checks}, answered in order. */
    public static boolean[] verifyEach(List<Check> checks) {
        boolean[] answers = new boolean[checks.size()];
        Workspace w = WORKSPACE.get();
        for (int from = 0; from < checks.size(); from += LARGEST_BATCH) {
            int to = Math.min(checks.size(), from + LARGEST_BATCH);
            boolean batched = to - from >= SMALLEST_BATCH;
            w.parsed.clear(to - from);
            for (int i = from; i < to; i++) {
                Check c = checks.get(i);
                w.parsed.add(c.publicKey(), c.message(), c.signature(), i, batched); // false: stays false
            }
            settle(w, 0, w.parsed.count, answers);
        }
        return answers;
    }

    /** Sets the answers of parsed slots from..to-1: all true when their batch holds, else its halves in turn. */
    private static void settle(Workspace w, int from, int to, boolean[] answers) {
        ParsedSignatures p = w.parsed;
        if (to - from < SMALLEST_BATCH) {
            for (int i = from; i < to; i++) {
                answers[p.index[i]] = w.equation.holds(p, i);
            }
            return;
        }
        if (w.equation.holds(p, from, to)) {
            for (int i = from; i < to; i++) {
                answers[p.index[i]] = true;
            }
            return;
        }
        int half = from + (to - from) / 2;
        settle(w, from, half, answers);
        settle(w, half, to, answers);
    }

    /** What one thread reuses from check to check. */
    private static final class Workspace {
        final ParsedSignatures parsed = new ParsedSignatures();
        final CofactoredEquation equation = new CofactoredEquation();
    }
}

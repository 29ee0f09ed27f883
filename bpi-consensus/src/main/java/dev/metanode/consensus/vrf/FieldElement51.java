package dev.metanode.consensus.vrf;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A mutable element of GF(p), p = 2^255 - 19, in five 51-bit limbs held in longs: value = l0 +
 * l1*2^51 + l2*2^102 + l3*2^153 + l4*2^204. For signature verification only: variable time
 * (comparisons and square roots branch on the value), which is fine for public inputs and never
 * to be used with secrets (the VRF keeps Bouncy Castle's constant-time field, {@link EdwardsPoint}).
 *
 * <p><b>Limb bounds.</b> Every operation leaves limbs below 2^52 ({@link #LOOSE_BOUND}) and takes
 * such limbs, except the lazy ones: {@link #addLazy} and {@link #subLazy} skip the carry pass and
 * leave limbs below 2^54, which only {@link #mul}'s first argument and {@link #add}/{@link #sub}'s
 * first addend accept (mul's second argument is the one shifted left by 12, sqr's operand too).
 * Only {@link #reduce} (and {@link #encode}, {@link #isZero}, {@link #isNegative}, which use it)
 * makes the value canonical, below p.
 *
 * <p><b>Why this shape.</b> A product of two limbs needs 104 bits. Multiplication shifts one
 * operand's limbs left by 12 (below 2^64 since limbs are below 2^52), so that
 * {@code Math.unsignedMultiplyHigh} directly yields the product divided by 2^52 and the low word
 * shifted right by 12 yields the product mod 2^52: the 128-bit sums need no carry handling. On JDK
 * 25 / x86-64 both halves are intrinsics; measured ~1.6x faster than Bouncy Castle's 10 x 26-bit
 * {@code X25519Field.mul} (see docs/BENCHMARKS.md, session 7). Results may alias the inputs.
 */
final class FieldElement51 {
    static final int LIMB_BITS = 51;
    static final long LIMB_MASK = (1L << LIMB_BITS) - 1;
    /** Every limb of every element stays below this, the precondition of multiplication's shift by 12. */
    static final long LOOSE_BOUND = 1L << 52;
    /** 2^255 = 19 mod p: what a carry out of the top limb is worth in the bottom one. */
    private static final long WRAP = 19;
    /** Multiplication splits products at this bit: (a * (b << SPLIT_SHIFT)) has the product / 2^52 in its high word. */
    private static final int SPLIT_SHIFT = 64 - 52;
    /** 4p limb by limb, added before a subtraction so that no limb goes negative (subtrahend limbs are below 2^52). */
    private static final long FOUR_P_LOW = 4 * (LIMB_MASK - 18);
    private static final long FOUR_P_HIGH = 4 * LIMB_MASK;
    static final int ENCODED_BYTES = 32;
    private static final VarHandle LONGS_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    long l0;
    long l1;
    long l2;
    long l3;
    long l4;

    FieldElement51() {}

    FieldElement51(long l0, long l1, long l2, long l3, long l4) {
        this.l0 = l0;
        this.l1 = l1;
        this.l2 = l2;
        this.l3 = l3;
        this.l4 = l4;
    }

    /** The element of a 32-byte little-endian encoding, its top bit ignored (RFC 8032 keeps the sign of x there). */
    static FieldElement51 decoded(byte[] b, int off) {
        FieldElement51 f = new FieldElement51();
        f.decode(b, off);
        return f;
    }

    /** Sets this to the 255 low bits of 32 little-endian bytes at {@code off} (not reduced: values p..2^255-1 stay as they are). */
    void decode(byte[] b, int off) {
        long w0 = (long) LONGS_LE.get(b, off);
        long w1 = (long) LONGS_LE.get(b, off + 8);
        long w2 = (long) LONGS_LE.get(b, off + 16);
        long w3 = (long) LONGS_LE.get(b, off + 24);
        l0 = w0 & LIMB_MASK;
        l1 = ((w0 >>> 51) | (w1 << 13)) & LIMB_MASK;
        l2 = ((w1 >>> 38) | (w2 << 26)) & LIMB_MASK;
        l3 = ((w2 >>> 25) | (w3 << 39)) & LIMB_MASK;
        l4 = (w3 >>> 12) & LIMB_MASK;
    }

    /** Writes the canonical 32-byte little-endian encoding (value below p, top bit 0) at {@code off}. */
    void encode(byte[] out, int off) {
        FieldElement51 c = new FieldElement51();
        c.set(this);
        c.encodeInPlace(out, off);
    }

    /** {@link #encode} without a temporary: reduces this in place (the value does not change). */
    void encodeInPlace(byte[] out, int off) {
        reduce();
        LONGS_LE.set(out, off, l0 | (l1 << 51));
        LONGS_LE.set(out, off + 8, (l1 >>> 13) | (l2 << 38));
        LONGS_LE.set(out, off + 16, (l2 >>> 26) | (l3 << 25));
        LONGS_LE.set(out, off + 24, (l3 >>> 39) | (l4 << 12));
    }

    void set(FieldElement51 a) {
        l0 = a.l0;
        l1 = a.l1;
        l2 = a.l2;
        l3 = a.l3;
        l4 = a.l4;
    }

    void setZero() {
        l0 = 0;
        l1 = 0;
        l2 = 0;
        l3 = 0;
        l4 = 0;
    }

    void setOne() {
        setZero();
        l0 = 1;
    }

    /** this = a + b; a may be lazy (limbs below 2^54), b too. */
    void add(FieldElement51 a, FieldElement51 b) {
        l0 = a.l0 + b.l0;
        l1 = a.l1 + b.l1;
        l2 = a.l2 + b.l2;
        l3 = a.l3 + b.l3;
        l4 = a.l4 + b.l4;
        carry();
    }

    /** this = a - b, computed as a + 4p - b so that no limb goes negative; a may be lazy, b not. */
    void sub(FieldElement51 a, FieldElement51 b) {
        l0 = a.l0 + FOUR_P_LOW - b.l0;
        l1 = a.l1 + FOUR_P_HIGH - b.l1;
        l2 = a.l2 + FOUR_P_HIGH - b.l2;
        l3 = a.l3 + FOUR_P_HIGH - b.l3;
        l4 = a.l4 + FOUR_P_HIGH - b.l4;
        carry();
    }

    /**
     * this = a + b without the carry pass: limbs below 2^53. Lazy: only for {@link #mul}'s first
     * argument or {@link #add}/{@link #sub}'s first; saves a serial carry chain where a product follows.
     */
    void addLazy(FieldElement51 a, FieldElement51 b) {
        l0 = a.l0 + b.l0;
        l1 = a.l1 + b.l1;
        l2 = a.l2 + b.l2;
        l3 = a.l3 + b.l3;
        l4 = a.l4 + b.l4;
    }

    /** this = a - b (as a + 4p - b) without the carry pass: limbs below 2^52 + 2^53. Lazy, as {@link #addLazy}. */
    void subLazy(FieldElement51 a, FieldElement51 b) {
        l0 = a.l0 + FOUR_P_LOW - b.l0;
        l1 = a.l1 + FOUR_P_HIGH - b.l1;
        l2 = a.l2 + FOUR_P_HIGH - b.l2;
        l3 = a.l3 + FOUR_P_HIGH - b.l3;
        l4 = a.l4 + FOUR_P_HIGH - b.l4;
    }

    /** this = -a. */
    void negate(FieldElement51 a) {
        l0 = FOUR_P_LOW - a.l0;
        l1 = FOUR_P_HIGH - a.l1;
        l2 = FOUR_P_HIGH - a.l2;
        l3 = FOUR_P_HIGH - a.l3;
        l4 = FOUR_P_HIGH - a.l4;
        carry();
    }

    /** One carry pass: limbs below 2^55 in, limbs below 2^52 out (l0 below 2^51 + 19 * 2^4, the others below 2^51). */
    private void carry() {
        long c = l0 >>> 51;
        l0 &= LIMB_MASK;
        l1 += c;
        c = l1 >>> 51;
        l1 &= LIMB_MASK;
        l2 += c;
        c = l2 >>> 51;
        l2 &= LIMB_MASK;
        l3 += c;
        c = l3 >>> 51;
        l3 &= LIMB_MASK;
        l4 += c;
        c = l4 >>> 51;
        l4 &= LIMB_MASK;
        l0 += WRAP * c;
    }

    /**
     * this = a * b, a lazy or not (limbs below 2^54), b not (below 2^52: it is shifted left by 12).
     * Output limb k is the sum of a_i * b_j over i + j = k, plus 19 times the sum over i + j = k + 5
     * (2^255 = 19 mod p); the 19 goes on a's side, so a partial product's high part is below
     * 19 * 2^54 = 2^58.3, a column's below 2^60.7, and the carries below 2^61.7: no overflow.
     */
    void mul(FieldElement51 a, FieldElement51 b) {
        long a0 = a.l0;
        long a1 = a.l1;
        long a2 = a.l2;
        long a3 = a.l3;
        long a4 = a.l4;
        long a1w = WRAP * a1;
        long a2w = WRAP * a2;
        long a3w = WRAP * a3;
        long a4w = WRAP * a4;
        long b0 = b.l0 << SPLIT_SHIFT;
        long b1 = b.l1 << SPLIT_SHIFT;
        long b2 = b.l2 << SPLIT_SHIFT;
        long b3 = b.l3 << SPLIT_SHIFT;
        long b4 = b.l4 << SPLIT_SHIFT;
        long h0 = hi(a0, b0) + hi(a1w, b4) + hi(a2w, b3) + hi(a3w, b2) + hi(a4w, b1);
        long m0 = lo(a0, b0) + lo(a1w, b4) + lo(a2w, b3) + lo(a3w, b2) + lo(a4w, b1);
        long h1 = hi(a0, b1) + hi(a1, b0) + hi(a2w, b4) + hi(a3w, b3) + hi(a4w, b2);
        long m1 = lo(a0, b1) + lo(a1, b0) + lo(a2w, b4) + lo(a3w, b3) + lo(a4w, b2);
        long h2 = hi(a0, b2) + hi(a1, b1) + hi(a2, b0) + hi(a3w, b4) + hi(a4w, b3);
        long m2 = lo(a0, b2) + lo(a1, b1) + lo(a2, b0) + lo(a3w, b4) + lo(a4w, b3);
        long h3 = hi(a0, b3) + hi(a1, b2) + hi(a2, b1) + hi(a3, b0) + hi(a4w, b4);
        long m3 = lo(a0, b3) + lo(a1, b2) + lo(a2, b1) + lo(a3, b0) + lo(a4w, b4);
        long h4 = hi(a0, b4) + hi(a1, b3) + hi(a2, b2) + hi(a3, b1) + hi(a4, b0);
        long m4 = lo(a0, b4) + lo(a1, b3) + lo(a2, b2) + lo(a3, b1) + lo(a4, b0);
        settle(h0, m0, h1, m1, h2, m2, h3, m3, h4, m4);
    }

    /** this = a^2. */
    void sqr(FieldElement51 a) {
        sqrTimes(a, 1);
    }

    /**
     * this = a^(2^n), n at least 1: n squarings, each the 15 distinct products of {@link #mul} (doubled
     * where they appear twice), with the limbs kept in locals from one squaring to the next: square
     * roots and inversions are chains of up to 100 squarings, and this saves their stores and loads.
     */
    void sqrTimes(FieldElement51 a, int n) {
        long a0 = a.l0;
        long a1 = a.l1;
        long a2 = a.l2;
        long a3 = a.l3;
        long a4 = a.l4;
        for (int i = 0; i < n; i++) {
            long d0 = 2 * a0;
            long d1 = 2 * a1;
            long a1w2 = 2 * WRAP * a1;
            long a2w2 = 2 * WRAP * a2;
            long a3w = WRAP * a3;
            long a3w2 = 2 * a3w;
            long a4w = WRAP * a4;
            long s0 = a0 << SPLIT_SHIFT;
            long s1 = a1 << SPLIT_SHIFT;
            long s2 = a2 << SPLIT_SHIFT;
            long s3 = a3 << SPLIT_SHIFT;
            long s4 = a4 << SPLIT_SHIFT;
            long h0 = hi(a0, s0) + hi(a1w2, s4) + hi(a2w2, s3);
            long m0 = lo(a0, s0) + lo(a1w2, s4) + lo(a2w2, s3);
            long h1 = hi(d0, s1) + hi(a2w2, s4) + hi(a3w, s3);
            long m1 = lo(d0, s1) + lo(a2w2, s4) + lo(a3w, s3);
            long h2 = hi(d0, s2) + hi(a1, s1) + hi(a3w2, s4);
            long m2 = lo(d0, s2) + lo(a1, s1) + lo(a3w2, s4);
            long h3 = hi(d0, s3) + hi(d1, s2) + hi(a4w, s4);
            long m3 = lo(d0, s3) + lo(d1, s2) + lo(a4w, s4);
            long h4 = hi(d0, s4) + hi(d1, s3) + hi(a2, s2);
            long m4 = lo(d0, s4) + lo(d1, s3) + lo(a2, s2);
            // settle, as in mul, into the locals
            long c = (h0 << 1) + (m0 >>> 51);
            a0 = m0 & LIMB_MASK;
            m1 += c;
            c = (h1 << 1) + (m1 >>> 51);
            a1 = m1 & LIMB_MASK;
            m2 += c;
            c = (h2 << 1) + (m2 >>> 51);
            a2 = m2 & LIMB_MASK;
            m3 += c;
            c = (h3 << 1) + (m3 >>> 51);
            a3 = m3 & LIMB_MASK;
            m4 += c;
            c = (h4 << 1) + (m4 >>> 51);
            a4 = m4 & LIMB_MASK;
            a0 += WRAP * c;
            a1 += a0 >>> 51;
            a0 &= LIMB_MASK;
        }
        l0 = a0;
        l1 = a1;
        l2 = a2;
        l3 = a3;
        l4 = a4;
    }

    /** The product divided by 2^52 ({@code shifted} is a limb shifted left by 12). */
    private static long hi(long a, long shifted) {
        return Math.unsignedMultiplyHigh(a, shifted);
    }

    /** The product mod 2^52. */
    private static long lo(long a, long shifted) {
        return (a * shifted) >>> SPLIT_SHIFT;
    }

    /**
     * Column k is worth h_k * 2^52 + m_k; keeps its low 51 bits and carries 2 * h_k + m_k / 2^51
     * into the next column (and 19 times the last carry into the first).
     */
    private void settle(long h0, long m0, long h1, long m1, long h2, long m2, long h3, long m3, long h4, long m4) {
        long c = (h0 << 1) + (m0 >>> 51);
        long r0 = m0 & LIMB_MASK;
        m1 += c;
        c = (h1 << 1) + (m1 >>> 51);
        l1 = m1 & LIMB_MASK;
        m2 += c;
        c = (h2 << 1) + (m2 >>> 51);
        l2 = m2 & LIMB_MASK;
        m3 += c;
        c = (h3 << 1) + (m3 >>> 51);
        l3 = m3 & LIMB_MASK;
        m4 += c;
        c = (h4 << 1) + (m4 >>> 51);
        l4 = m4 & LIMB_MASK;
        r0 += WRAP * c;
        l1 += r0 >>> 51;
        l0 = r0 & LIMB_MASK;
    }

    /** Reduces this in place to the canonical representation: the same value, below p, limbs below 2^51. */
    void reduce() {
        carry(); // the value is now below 2^255 + 152 < 2p
        // q = floor((value + 19) / 2^255): 1 exactly when the value is at least p.
        long q = (l0 + WRAP) >>> 51;
        q = (l1 + q) >>> 51;
        q = (l2 + q) >>> 51;
        q = (l3 + q) >>> 51;
        q = (l4 + q) >>> 51;
        l0 += WRAP * q;
        long c = l0 >>> 51;
        l0 &= LIMB_MASK;
        l1 += c;
        c = l1 >>> 51;
        l1 &= LIMB_MASK;
        l2 += c;
        c = l2 >>> 51;
        l2 &= LIMB_MASK;
        l3 += c;
        c = l3 >>> 51;
        l3 &= LIMB_MASK;
        l4 = (l4 + c) & LIMB_MASK; // drops the q * 2^255 that, with the 19 * q added, subtracts p
    }

    /** Whether the value is 0 mod p. Reduces this in place (the value does not change). */
    boolean isZero() {
        reduce();
        return (l0 | l1 | l2 | l3 | l4) == 0;
    }

    /** RFC 8032's sign of x: the low bit of the canonical value. Reduces this in place (the value does not change). */
    boolean isNegative() {
        reduce();
        return (l0 & 1) != 0;
    }

    /**
     * this = a^((p-5)/8) = a^(2^252 - 3), the power square roots are made of (ref10's pow22523
     * addition chain: 250 squarings, 11 multiplications). {@code t0}, {@code t1} and {@code t2} are
     * scratch, distinct from each other, from this and from {@code a}.
     */
    void powPMinus5Over8(FieldElement51 a, FieldElement51 t0, FieldElement51 t1, FieldElement51 t2) {
        t0.sqr(a); // 2
        t1.sqrTimes(t0, 2); // 8
        t1.mul(a, t1); // 9
        t0.mul(t0, t1); // 11
        t0.sqr(t0); // 22
        t0.mul(t1, t0); // 2^5 - 1
        powTwo250MinusOne(t0, t1, t2); // t0 = a^(2^250 - 1)
        t0.sqrTimes(t0, 2); // 2^252 - 4
        mul(t0, a); // 2^252 - 3
    }

    /** t0 = t0^((2^250 - 1) / (2^5 - 1)): from a^(2^5 - 1) in t0 to a^(2^250 - 1); t1 and t2 are scratch. */
    private static void powTwo250MinusOne(FieldElement51 t0, FieldElement51 t1, FieldElement51 t2) {
        t1.sqrTimes(t0, 5);
        t0.mul(t1, t0); // 2^10 - 1
        t1.sqrTimes(t0, 10);
        t1.mul(t1, t0); // 2^20 - 1
        t2.sqrTimes(t1, 20);
        t1.mul(t2, t1); // 2^40 - 1
        t1.sqrTimes(t1, 10);
        t0.mul(t1, t0); // 2^50 - 1
        t1.sqrTimes(t0, 50);
        t1.mul(t1, t0); // 2^100 - 1
        t2.sqrTimes(t1, 100);
        t1.mul(t2, t1); // 2^200 - 1
        t1.sqrTimes(t1, 50);
        t0.mul(t1, t0); // 2^250 - 1
    }

    /** this = 1/a (a^(p-2) = a^(2^255 - 21)); 0 for 0. Allocates its scratch: off the hot path (encodings, tables). */
    void invert(FieldElement51 a) {
        FieldElement51 t0 = new FieldElement51();
        FieldElement51 t1 = new FieldElement51();
        FieldElement51 t2 = new FieldElement51();
        FieldElement51 eleven = new FieldElement51();
        t0.sqr(a); // 2
        t1.sqrTimes(t0, 2); // 8
        t1.mul(a, t1); // 9
        eleven.mul(t0, t1); // 11
        t0.sqr(eleven); // 22
        t0.mul(t1, t0); // 2^5 - 1
        powTwo250MinusOne(t0, t1, t2);
        t0.sqrTimes(t0, 5); // 2^255 - 32
        mul(t0, eleven); // 2^255 - 21
    }

    @Override
    public String toString() {
        return "FieldElement51[" + l0 + ", " + l1 + ", " + l2 + ", " + l3 + ", " + l4 + "]";
    }
}

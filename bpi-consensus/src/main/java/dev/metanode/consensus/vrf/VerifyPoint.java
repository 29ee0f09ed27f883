package dev.metanode.consensus.vrf;

import java.math.BigInteger;

/**
 * A mutable point of edwards25519 in extended coordinates (X:Y:Z:T), x = X/Z, y = Y/Z, XY = ZT,
 * on {@link FieldElement51}, for signature verification: every operation works in place with
 * this point's own temporaries, so a verification allocates nothing per signature. Variable
 * time, for public inputs only; the VRF's secret scalars go through {@link EdwardsPoint}.
 *
 * <p>Additions and doublings take an argument {@code withT}: T costs one multiplication and only an
 * addition reads it, so a step followed by a doubling may skip it. After a step with
 * {@code withT == false}, T is stale until the next step that computes it.
 */
final class VerifyPoint {
    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger D_VALUE =
            BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    /** The curve constant d = -121665/121666. */
    static final FieldElement51 D = constant(D_VALUE);
    static final FieldElement51 D2 = constant(D_VALUE.shiftLeft(1).mod(P));
    /** A square root of -1: 2^((p-1)/4). */
    static final FieldElement51 SQRT_MINUS_ONE = constant(BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P));

    FieldElement51 x = new FieldElement51();
    FieldElement51 y = new FieldElement51();
    FieldElement51 z = new FieldElement51();
    FieldElement51 t = new FieldElement51();
    // Temporaries; e..h trade places with the coordinates after each step (see swapInTemporaries).
    private FieldElement51 e = new FieldElement51();
    private FieldElement51 f = new FieldElement51();
    private FieldElement51 g = new FieldElement51();
    private FieldElement51 h = new FieldElement51();
    private final FieldElement51 w = new FieldElement51();
    /** A hint's x re-encoded, to see that it was canonical. */
    private final byte[] canonical = new byte[FieldElement51.ENCODED_BYTES];

    VerifyPoint() {
        setIdentity();
    }

    private static FieldElement51 constant(BigInteger value) {
        return FieldElement51.decoded(Scalars.toLittleEndian(value, FieldElement51.ENCODED_BYTES), 0);
    }

    void setIdentity() {
        x.setZero();
        y.setOne();
        z.setOne();
        t.setZero();
    }

    void set(VerifyPoint p) {
        x.set(p.x);
        y.set(p.y);
        z.set(p.z);
        t.set(p.t);
    }

    /**
     * RFC 8032 section 5.1.3 decoding of 32 bytes at {@code off} that {@link EdwardsPoint#canonicalEncoding}
     * accepted; false where they are not a point (x^2 = (y^2 - 1)/(d y^2 + 1) has no root, or
     * x = 0 with the sign bit set), and this point is then garbage.
     */
    boolean decode(byte[] b, int off) {
        boolean xNegative = (b[off + 31] & 0x80) != 0;
        loadY(b, off);
        if (!sqrtRatio(e, f)) {
            return false;
        }
        if (x.isZero() && xNegative) {
            return false;
        }
        if (x.isNegative() != xNegative) {
            x.negate(x);
        }
        t.mul(x, y);
        return true;
    }

    /** {@link #decode} for any 32 bytes: false where they are not a canonical encoding (y &gt;= p, or x = 0 with the sign bit). */
    boolean decodeCanonical(byte[] b, int off) {
        return EdwardsPoint.canonicalEncoding(b, off) && decode(b, off);
    }

    /** y from the encoding, z = 1, and x^2's numerator and denominator: u = y^2 - 1 in e, v = d y^2 + 1 in f. */
    private void loadY(byte[] b, int off) {
        y.decode(b, off);
        z.setOne();
        e.sqr(y);
        f.mul(e, D);
        e.sub(e, z);
        f.add(f, z); // never 0: -1/d is not a square
    }

    /**
     * {@link #decode}'s point from a claimed x (32 bytes at {@code xOff} of {@code hint}, see
     * {@link RHints}) without a square root: true, with this point set, only if x is canonical and
     * non-zero, its sign is the sign bit of the encoding, and v x^2 = u, which makes (x, y) the very
     * point decode finds (the two roots of u/v differ in sign). False says nothing about the
     * encoding: decode it then. The encoding must have passed {@link EdwardsPoint#canonicalEncoding}.
     */
    boolean decodeWithHint(byte[] b, int off, byte[] hint, int xOff) {
        if ((hint[xOff + 31] & 0x80) != 0) {
            return false;
        }
        x.decode(hint, xOff);
        x.encodeInPlace(canonical, 0);
        if (!java.util.Arrays.equals(canonical, 0, FieldElement51.ENCODED_BYTES, hint, xOff, xOff + FieldElement51.ENCODED_BYTES)
                || x.isZero() || x.isNegative() != ((b[off + 31] & 0x80) != 0)) {
            return false; // not canonical (x >= p), zero, or the other root
        }
        loadY(b, off);
        g.sqr(x);
        g.mul(g, f);
        g.sub(g, e); // v x^2 - u
        if (!g.isZero()) {
            return false;
        }
        t.mul(x, y);
        return true;
    }

    /**
     * x = sqrt(u/v) if u/v is a square (either root), as ref10 computes it: x = u v^3 (u v^7)^((p-5)/8),
     * then v x^2 is u (done), -u (x times sqrt(-1)), or neither (no root). u and v are e and f.
     */
    private boolean sqrtRatio(FieldElement51 u, FieldElement51 v) {
        g.sqr(v);
        g.mul(g, v); // v^3
        h.sqr(g);
        h.mul(h, v);
        h.mul(h, u); // u v^7
        x.powPMinus5Over8(h, t, w, z);
        x.mul(x, g);
        x.mul(x, u);
        h.sqr(x);
        h.mul(h, v); // v x^2
        z.setOne(); // was scratch for the power
        g.sub(h, u);
        if (g.isZero()) {
            return true;
        }
        g.add(h, u);
        if (!g.isZero()) {
            return false;
        }
        x.mul(x, SQRT_MINUS_ONE);
        return true;
    }

    /** RFC 8032 section 5.1.2 encoding (an inversion: for tests and tables, not the hot path). */
    byte[] encode() {
        FieldElement51 zInv = new FieldElement51();
        zInv.invert(z);
        FieldElement51 ax = new FieldElement51();
        FieldElement51 ay = new FieldElement51();
        ax.mul(x, zInv);
        ay.mul(y, zInv);
        byte[] out = new byte[FieldElement51.ENCODED_BYTES];
        ay.encode(out, 0);
        if (ax.isNegative()) {
            out[31] |= (byte) 0x80;
        }
        return out;
    }

    /**
     * this = this + q (RFC 8032 section 5.1.4): A = (Y1-X1)(Y2-X2), B = (Y1+X1)(Y2+X2), C = T1 2d T2,
     * D = Z1 2 Z2, then E, F, G, H = B-A, D-C, D+C, B+A and (X:Y:Z:T) = (EF : GH : FG : EH).
     */
    void add(CachedPoint q, boolean withT) {
        e.subLazy(y, x);
        e.mul(e, q.yMinusX); // A
        h.addLazy(y, x);
        h.mul(h, q.yPlusX); // B
        f.mul(t, q.t2d); // C
        timesZ2(q);
        finish(e, h, f, g, false, withT);
    }

    /** this = this - q: {@link #add} of -q = (Y-X, Y+X, -2dT, 2Z), the negation folded into the signs. */
    void sub(CachedPoint q, boolean withT) {
        e.subLazy(y, x);
        e.mul(e, q.yPlusX); // A
        h.addLazy(y, x);
        h.mul(h, q.yMinusX); // B
        f.mul(t, q.t2d); // q's C, whose sign finish flips
        timesZ2(q);
        finish(e, h, f, g, true, withT);
    }

    /**
     * g = D = Z1 * 2 Z2: for an affine q just 2 Z1, lazy (below 2^53): D is only a minuend and an
     * addend, and G = D - C from it stays below 2^53 + 4p's limbs &lt; 2^54, as mul's first factor needs.
     */
    private void timesZ2(CachedPoint q) {
        if (q.affine) {
            g.addLazy(z, z);
        } else {
            g.mul(z, q.z2);
        }
    }

    /**
     * From A, B, C, D in four of the temporaries (X, Y, Z, T already read): E, F, G, H = B-A, D-C,
     * D+C, B+A into X, Z, Y, T (with C's sign flipped if {@code minusC}), then the products into the
     * temporaries, whose references then trade places with the coordinates' (no copies). E and G
     * are lazy: each product has one of them as its first factor, F or H as its second.
     */
    private void finish(FieldElement51 a, FieldElement51 b, FieldElement51 c, FieldElement51 d, boolean minusC, boolean withT) {
        x.subLazy(b, a); // E
        t.add(b, a); // H
        if (minusC) {
            z.add(d, c); // F
            y.subLazy(d, c); // G
        } else {
            z.sub(d, c); // F
            y.addLazy(d, c); // G
        }
        e.mul(x, z); // EF
        f.mul(y, t); // GH
        g.mul(y, z); // FG
        if (withT) {
            h.mul(x, t); // EH
        }
        swapInTemporaries(withT);
    }

    /** X, Y, Z (and T if {@code withT}) become e, f, g (and h), which get the old coordinates as scratch. */
    private void swapInTemporaries(boolean withT) {
        FieldElement51 old = x;
        x = e;
        e = old;
        old = y;
        y = f;
        f = old;
        old = z;
        z = g;
        g = old;
        if (withT) {
            old = t;
            t = h;
            h = old;
        }
    }

    /**
     * this = 2 this (RFC 8032 section 5.1.4): A = X^2, B = Y^2, C = 2 Z^2, H = A + B,
     * E = H - (X+Y)^2, G = A - B, F = C + G, then (EF : GH : FG : EH). Reads no T.
     */
    void twice(boolean withT) {
        e.sqr(x); // A
        f.sqr(y); // B
        g.sqr(z);
        g.addLazy(g, g); // C
        h.add(e, f); // H
        t.add(x, y);
        t.sqr(t); // (X+Y)^2
        x.subLazy(h, t); // E
        y.subLazy(e, f); // G
        z.add(g, y); // F
        e.mul(x, z); // EF (E and G lazy: first factors only)
        f.mul(y, h); // GH
        g.mul(y, z); // FG
        if (withT) {
            t.mul(x, h); // EH
        }
        swapInTemporaries(false);
    }

    /** this = 8 this: clears any small-order component (T left stale). */
    void timesCofactor() {
        twice(false);
        twice(false);
        twice(false);
    }

    /** Whether this is the neutral element (0 : 1): X = 0 and Y = Z. */
    boolean isIdentity() {
        w.sub(y, z);
        return x.isZero() && w.isZero(); // isZero reduces x in place, its value unchanged
    }
}

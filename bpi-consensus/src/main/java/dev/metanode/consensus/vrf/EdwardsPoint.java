package dev.metanode.consensus.vrf;

import java.math.BigInteger;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * A point of edwards25519 (RFC 8032) in extended coordinates (X:Y:Z:T), on Bouncy Castle's
 * X25519Field arithmetic, which Bouncy Castle keeps public while its Ed25519 point code is private.
 * Immutable.
 *
 * <p>Scalar multiplication uses signed radix-16 digits (as ref10 does): a variable point gets a
 * table of its multiples 1..8 and 4 doublings plus one addition per digit; the base point uses 64
 * precomputed tables (j * 16^i * B), so it needs no doublings at all. Table entries are chosen by
 * constant-time conditional moves over the whole table and negated by a conditional swap, so the
 * sequence of field operations does not depend on the (secret) scalar's digits.
 *
 * <p>Signature verification, whose inputs are all public, has its own faster variable-time code
 * ({@link VerifyPoint}, {@link FieldElement51}); it shares only {@link #canonicalEncoding}.
 */
final class EdwardsPoint {
    static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    /** The order of the prime-order subgroup. */
    static final BigInteger L = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
    static final int ENCODED_BYTES = 32;

    private static final int[] D = fieldOf(BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P));
    private static final int[] D2 = fieldOf(BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).shiftLeft(1).mod(P));

    static final EdwardsPoint IDENTITY = new EdwardsPoint(fieldOf(BigInteger.ZERO), fieldOf(BigInteger.ONE),
            fieldOf(BigInteger.ONE), fieldOf(BigInteger.ZERO));
    static final EdwardsPoint BASE = baseOrFail();
    /** Digits of a scalar in radix 16. */
    private static final int DIGITS = 64;
    /** Table entries per digit position: multiples 1..8 (digits are in -8..8). */
    private static final int TABLE_ENTRIES = 8;
    /** BASE_TABLE[i][j] = (j + 1) * 16^i * B, in the form additions take. */
    private static final Cached[][] BASE_TABLE = baseTable();

    private final int[] x;
    private final int[] y;
    private final int[] z;
    private final int[] t;

    private EdwardsPoint(int[] x, int[] y, int[] z, int[] t) {
        this.x = x;
        this.y = y;
        this.z = z;
        this.t = t;
    }

    private static EdwardsPoint baseOrFail() {
        byte[] b = new byte[ENCODED_BYTES];
        java.util.Arrays.fill(b, (byte) 0x66);
        b[0] = 0x58;
        EdwardsPoint base = decode(b);
        if (base == null) {
            throw new IllegalStateException("the base point must decode");
        }
        return base;
    }

    /** RFC 8032 section 5.1.3 decoding; null where the string is not a point ("INVALID"). */
    static EdwardsPoint decode(byte[] encoded) {
        if (encoded.length != ENCODED_BYTES || !canonicalEncoding(encoded, 0)) {
            return null;
        }
        byte[] yBytes = encoded.clone();
        int xSign = (yBytes[31] >>> 7) & 1;
        yBytes[31] &= 0x7f;
        int[] y = X25519Field.create();
        X25519Field.decode(yBytes, 0, y);
        int[] yy = X25519Field.create();
        X25519Field.sqr(y, yy);
        int[] u = X25519Field.create();
        int[] v = X25519Field.create();
        X25519Field.mul(D, yy, v);
        X25519Field.subOne(yy);
        X25519Field.copy(yy, 0, u, 0);
        X25519Field.addOne(v);
        int[] x = X25519Field.create();
        if (!X25519Field.sqrtRatioVar(u, v, x)) {
            return null;
        }
        X25519Field.normalize(x); // x = 0 only for y = +-1, where canonicalEncoding refused a sign bit
        if (lowBit(x) != xSign) {
            X25519Field.negate(x, x);
            X25519Field.normalize(x);
        }
        int[] t = X25519Field.create();
        X25519Field.mul(x, y, t);
        return new EdwardsPoint(x, y, fieldOf(BigInteger.ONE), t);
    }

    /**
     * Whether 32 bytes at {@code off} are the one encoding RFC 8032 allows for a point, judged
     * without decoding: y below p, and no sign bit where x must be 0 (y = 1 or y = p - 1). Whether
     * the point is on the curve is left to {@link #decode}.
     */
    static boolean canonicalEncoding(byte[] b, int off) {
        int top = b[off + 31] & 0x7f;
        boolean signSet = (b[off + 31] & 0x80) != 0;
        // p = 2^255 - 19: little-endian ed ff .. ff 7f. y >= p iff the top byte is 7f, the middle all ff, the low byte >= ed.
        boolean middleAllOnes = true;
        boolean middleAllZeros = true;
        for (int i = 1; i < 31; i++) {
            middleAllOnes &= b[off + i] == (byte) 0xff;
            middleAllZeros &= b[off + i] == 0;
        }
        int low = b[off] & 0xff;
        if (top == 0x7f && middleAllOnes && low >= 0xed) {
            return false;
        }
        boolean yIsOne = top == 0 && middleAllZeros && low == 1;
        boolean yIsMinusOne = top == 0x7f && middleAllOnes && low == 0xec;
        return !(signSet && (yIsOne || yIsMinusOne));
    }

    /** RFC 8032 section 5.1.2 encoding: y with the low bit of x in the top bit. */
    byte[] encode() {
        int[] zInv = X25519Field.create();
        X25519Field.inv(z, zInv);
        int[] ax = X25519Field.create();
        int[] ay = X25519Field.create();
        X25519Field.mul(x, zInv, ax);
        X25519Field.mul(y, zInv, ay);
        X25519Field.normalize(ax);
        X25519Field.normalize(ay);
        byte[] out = new byte[ENCODED_BYTES];
        X25519Field.encode(ay, out, 0);
        out[31] |= (byte) (lowBit(ax) << 7);
        return out;
    }

    /** RFC 8032 section 5.1.4 addition for a = -1. */
    EdwardsPoint add(EdwardsPoint q) {
        int[] a = sub(y, x);
        X25519Field.mul(a, sub(q.y, q.x), a);
        int[] b = add(y, x);
        X25519Field.mul(b, add(q.y, q.x), b);
        int[] c = X25519Field.create();
        X25519Field.mul(t, D2, c);
        X25519Field.mul(c, q.t, c);
        int[] d = X25519Field.create();
        X25519Field.mul(z, q.z, d);
        d = add(d, d);
        return combine(sub(b, a), sub(d, c), add(d, c), add(b, a));
    }

    /** RFC 8032 section 5.1.4 doubling. */
    EdwardsPoint twice() {
        int[] a = X25519Field.create();
        X25519Field.sqr(x, a);
        int[] b = X25519Field.create();
        X25519Field.sqr(y, b);
        int[] c = X25519Field.create();
        X25519Field.sqr(z, c);
        c = add(c, c);
        int[] h = add(a, b);
        int[] xy = add(x, y);
        X25519Field.sqr(xy, xy);
        int[] e = sub(h, xy);
        int[] g = sub(a, b);
        int[] f = add(c, g);
        return combine(e, f, g, h);
    }

    private static EdwardsPoint combine(int[] e, int[] f, int[] g, int[] h) {
        int[] x3 = X25519Field.create();
        int[] y3 = X25519Field.create();
        int[] t3 = X25519Field.create();
        int[] z3 = X25519Field.create();
        X25519Field.mul(e, f, x3);
        X25519Field.mul(g, h, y3);
        X25519Field.mul(e, h, t3);
        X25519Field.mul(f, g, z3);
        return new EdwardsPoint(x3, y3, z3, t3);
    }

    EdwardsPoint negate() {
        int[] nx = X25519Field.create();
        int[] nt = X25519Field.create();
        X25519Field.negate(x, nx);
        X25519Field.negate(t, nt);
        X25519Field.carry(nx);
        X25519Field.carry(nt);
        return new EdwardsPoint(nx, y, z, nt);
    }

    /** [k]P for a non-negative scalar below 2^255. */
    EdwardsPoint multiply(BigInteger k) {
        int[] digits = signedDigits(k);
        Cached[] table = new Cached[TABLE_ENTRIES];
        EdwardsPoint multiple = this;
        table[0] = cached(this);
        for (int j = 1; j < TABLE_ENTRIES; j++) {
            multiple = multiple.add(this);
            table[j] = cached(multiple);
        }
        int[][] r = coords(IDENTITY);
        Scratch scratch = new Scratch();
        for (int i = DIGITS - 1; i >= 0; i--) {
            if (i != DIGITS - 1) {
                for (int d = 0; d < 4; d++) {
                    doubleInPlace(r, scratch);
                }
            }
            select(table, digits[i], scratch.selected);
            addInPlace(r, scratch.selected, scratch);
        }
        return of(r);
    }

    /** [k]B for a non-negative scalar below 2^255, from the precomputed tables: 64 additions. */
    static EdwardsPoint multiplyBase(BigInteger k) {
        int[] digits = signedDigits(k);
        int[][] r = coords(IDENTITY);
        Scratch scratch = new Scratch();
        for (int i = 0; i < DIGITS; i++) {
            select(BASE_TABLE[i], digits[i], scratch.selected);
            addInPlace(r, scratch.selected, scratch);
        }
        return of(r);
    }

    /** k as 64 signed radix-16 digits, each in -8..8, with k = sum of digit[i] * 16^i. */
    static int[] signedDigits(BigInteger k) {
        if (k.signum() < 0 || k.bitLength() > 255) {
            throw new IllegalArgumentException("scalar out of range");
        }
        byte[] le = Scalars.toLittleEndian(k, ENCODED_BYTES);
        int[] e = new int[DIGITS];
        for (int i = 0; i < ENCODED_BYTES; i++) {
            e[2 * i] = le[i] & 15;
            e[2 * i + 1] = (le[i] >>> 4) & 15;
        }
        int carry = 0;
        for (int i = 0; i < DIGITS - 1; i++) {
            e[i] += carry;
            carry = (e[i] + 8) >> 4;
            e[i] -= carry << 4;
        }
        e[DIGITS - 1] += carry;
        return e;
    }

    /** A point in the form additions take: (Y+X, Y-X, 2dT, 2Z). */
    private record Cached(int[] ypx, int[] ymx, int[] t2d, int[] z2) {}

    /** This point in the form {@link #addInPlace} takes, (Y+X, Y-X, 2dT, 2Z); negated if asked (swap the first two, negate 2dT). */
    int[][] additionForm(boolean negated) {
        Cached c = cached(this);
        if (!negated) {
            return new int[][] {c.ypx(), c.ymx(), c.t2d(), c.z2()};
        }
        int[] t2d = X25519Field.create();
        X25519Field.negate(c.t2d(), t2d);
        X25519Field.carry(t2d);
        return new int[][] {c.ymx(), c.ypx(), t2d, c.z2()};
    }

    private static Cached cached(EdwardsPoint p) {
        int[] t2d = X25519Field.create();
        X25519Field.mul(p.t, D2, t2d);
        return new Cached(add(p.y, p.x), sub(p.y, p.x), t2d, add(p.z, p.z));
    }

    private static Cached[][] baseTable() {
        Cached[][] tables = new Cached[DIGITS][TABLE_ENTRIES];
        EdwardsPoint p = BASE;
        for (int i = 0; i < DIGITS; i++) {
            EdwardsPoint multiple = p;
            for (int j = 0; j < TABLE_ENTRIES; j++) {
                tables[i][j] = cached(multiple);
                multiple = multiple.add(p);
            }
            p = p.twice().twice().twice().twice();
        }
        return tables;
    }

    /** Field elements reused across one multiplication, so the inner loop allocates nothing. */
    static final class Scratch {
        final int[][] t = new int[8][];
        final int[][] selected = new int[4][];

        Scratch() {
            for (int i = 0; i < t.length; i++) {
                t[i] = X25519Field.create();
            }
            for (int i = 0; i < selected.length; i++) {
                selected[i] = X25519Field.create();
            }
        }
    }

    /**
     * Sets {@code out} to digit * P from a table of P..8P: every entry is read (constant-time
     * moves), the identity when the digit is 0, negated (swap Y+X and Y-X, negate 2dT) when it is negative.
     */
    private static void select(Cached[] table, int digit, int[][] out) {
        int sign = digit >>> 31;
        int abs = (digit ^ -sign) + sign;
        X25519Field.one(out[0]);
        X25519Field.one(out[1]);
        X25519Field.zero(out[2]);
        X25519Field.one(out[3]);
        X25519Field.addOne(out[3]);
        for (int j = 0; j < table.length; j++) {
            int cond = ((abs ^ (j + 1)) - 1) >> 31;
            X25519Field.cmov(cond, table[j].ypx, 0, out[0], 0);
            X25519Field.cmov(cond, table[j].ymx, 0, out[1], 0);
            X25519Field.cmov(cond, table[j].t2d, 0, out[2], 0);
            X25519Field.cmov(cond, table[j].z2, 0, out[3], 0);
        }
        X25519Field.cswap(sign, out[0], out[1]);
        X25519Field.cnegate(sign, out[2]);
    }

    /** r = r + q, q in the cached form (Y+X, Y-X, 2dT, 2Z): RFC 8032 section 5.1.4 addition, in place. */
    static void addInPlace(int[][] r, int[][] q, Scratch s) {
        int[] a = s.t[0];
        int[] b = s.t[1];
        int[] c = s.t[2];
        int[] d = s.t[3];
        int[] e = s.t[4];
        int[] f = s.t[5];
        int[] g = s.t[6];
        int[] h = s.t[7];
        subInto(r[1], r[0], a);
        X25519Field.mul(a, q[1], a);
        addInto(r[1], r[0], b);
        X25519Field.mul(b, q[0], b);
        X25519Field.mul(r[3], q[2], c);
        X25519Field.mul(r[2], q[3], d);
        subInto(b, a, e);
        subInto(d, c, f);
        addInto(d, c, g);
        addInto(b, a, h);
        X25519Field.mul(e, f, r[0]);
        X25519Field.mul(g, h, r[1]);
        X25519Field.mul(e, h, r[3]);
        X25519Field.mul(f, g, r[2]);
    }

    /** r = 2r: RFC 8032 section 5.1.4 doubling, in place. */
    static void doubleInPlace(int[][] r, Scratch s) {
        int[] a = s.t[0];
        int[] b = s.t[1];
        int[] c = s.t[2];
        int[] h = s.t[3];
        int[] e = s.t[4];
        int[] g = s.t[5];
        int[] f = s.t[6];
        X25519Field.sqr(r[0], a);
        X25519Field.sqr(r[1], b);
        X25519Field.sqr(r[2], c);
        addInto(c, c, c);
        addInto(a, b, h);
        addInto(r[0], r[1], e);
        X25519Field.sqr(e, e);
        subInto(h, e, e);
        subInto(a, b, g);
        addInto(c, g, f);
        X25519Field.mul(e, f, r[0]);
        X25519Field.mul(g, h, r[1]);
        X25519Field.mul(e, h, r[3]);
        X25519Field.mul(f, g, r[2]);
    }

    private static void addInto(int[] x, int[] y, int[] z) {
        X25519Field.add(x, y, z);
        X25519Field.carry(z);
    }

    private static void subInto(int[] x, int[] y, int[] z) {
        X25519Field.sub(x, y, z);
        X25519Field.carry(z);
    }

    /** [8]P: clears the small-order component. */
    EdwardsPoint timesCofactor() {
        return twice().twice().twice();
    }

    boolean isIdentity() {
        // (X:Y:Z) is the identity iff X == 0 and Y == Z.
        int[] xx = x.clone();
        X25519Field.normalize(xx);
        int[] diff = sub(y, z);
        X25519Field.normalize(diff);
        return X25519Field.isZeroVar(xx) && X25519Field.isZeroVar(diff);
    }

    static int[][] coords(EdwardsPoint p) {
        return new int[][] {p.x.clone(), p.y.clone(), p.z.clone(), p.t.clone()};
    }

    static EdwardsPoint of(int[][] c) {
        return new EdwardsPoint(c[0], c[1], c[2], c[3]);
    }

    private static int[] add(int[] a, int[] b) {
        int[] r = X25519Field.create();
        X25519Field.add(a, b, r);
        X25519Field.carry(r);
        return r;
    }

    private static int[] sub(int[] a, int[] b) {
        int[] r = X25519Field.create();
        X25519Field.sub(a, b, r);
        X25519Field.carry(r);
        return r;
    }

    private static int lowBit(int[] normalized) {
        byte[] b = new byte[ENCODED_BYTES];
        X25519Field.encode(normalized, b, 0);
        return b[0] & 1;
    }

    private static int[] fieldOf(BigInteger value) {
        int[] f = X25519Field.create();
        X25519Field.decode(Scalars.toLittleEndian(value, ENCODED_BYTES), 0, f);
        return f;
    }
}

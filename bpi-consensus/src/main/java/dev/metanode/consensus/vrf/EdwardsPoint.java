package dev.metanode.consensus.vrf;

import java.math.BigInteger;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * A point of edwards25519 (RFC 8032) in extended coordinates (X:Y:Z:T), on Bouncy Castle's
 * X25519Field arithmetic, which Bouncy Castle keeps public while its Ed25519 point code is private.
 * Immutable. Scalar multiplication is a Montgomery ladder with conditional swaps, so its sequence
 * of field operations does not depend on the (secret) scalar's bits.
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
        if (encoded.length != ENCODED_BYTES) {
            return null;
        }
        byte[] yBytes = encoded.clone();
        int xSign = (yBytes[31] >>> 7) & 1;
        yBytes[31] &= 0x7f;
        if (Scalars.fromLittleEndian(yBytes).compareTo(P) >= 0) {
            return null;
        }
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
        X25519Field.normalize(x);
        if (X25519Field.isZeroVar(x) && xSign == 1) {
            return null;
        }
        if (lowBit(x) != xSign) {
            X25519Field.negate(x, x);
            X25519Field.normalize(x);
        }
        int[] t = X25519Field.create();
        X25519Field.mul(x, y, t);
        return new EdwardsPoint(x, y, fieldOf(BigInteger.ONE), t);
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

    /** [k]P for a non-negative scalar below 2^256, by a Montgomery ladder. */
    EdwardsPoint multiply(BigInteger k) {
        int[][] r0 = coords(IDENTITY);
        int[][] r1 = coords(this);
        for (int i = 255; i >= 0; i--) {
            int bit = k.testBit(i) ? 1 : 0;
            swap(bit, r0, r1);
            EdwardsPoint p0 = of(r0);
            EdwardsPoint p1 = of(r1);
            r1 = coords(p0.add(p1));
            r0 = coords(p0.twice());
            swap(bit, r0, r1);
        }
        return of(r0);
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

    private static int[][] coords(EdwardsPoint p) {
        return new int[][] {p.x.clone(), p.y.clone(), p.z.clone(), p.t.clone()};
    }

    private static EdwardsPoint of(int[][] c) {
        return new EdwardsPoint(c[0], c[1], c[2], c[3]);
    }

    private static void swap(int bit, int[][] a, int[][] b) {
        for (int i = 0; i < 4; i++) {
            X25519Field.cswap(bit, a[i], b[i]);
        }
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

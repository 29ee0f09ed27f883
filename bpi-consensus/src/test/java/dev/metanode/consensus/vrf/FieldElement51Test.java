package dev.metanode.consensus.vrf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The 5 x 51-bit field against BigInteger arithmetic mod p, on random, edge and non-canonical limb values. */
class FieldElement51Test {
    static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final long LOOSE_MAX = FieldElement51.LOOSE_BOUND - 1;

    /** The value the limbs stand for, not reduced. */
    static BigInteger value(FieldElement51 f) {
        return BigInteger.valueOf(f.l4).shiftLeft(204).add(BigInteger.valueOf(f.l3).shiftLeft(153))
                .add(BigInteger.valueOf(f.l2).shiftLeft(102)).add(BigInteger.valueOf(f.l1).shiftLeft(51)).add(BigInteger.valueOf(f.l0));
    }

    private static FieldElement51 canonical(BigInteger v) {
        BigInteger m = BigInteger.ONE.shiftLeft(51).subtract(BigInteger.ONE);
        return new FieldElement51(v.and(m).longValue(), v.shiftRight(51).and(m).longValue(), v.shiftRight(102).and(m).longValue(),
                v.shiftRight(153).and(m).longValue(), v.shiftRight(204).longValue());
    }

    private static void assertLoose(FieldElement51 f) {
        for (long limb : new long[] {f.l0, f.l1, f.l2, f.l3, f.l4}) {
            assertTrue(limb >= 0 && limb < FieldElement51.LOOSE_BOUND, "limb out of bound: " + f);
        }
    }

    /** Edge values in canonical limbs, values at and above p, and limbs at their largest allowed (up to ~2^256). */
    static List<FieldElement51> samples(long seed, int randomCount) {
        List<FieldElement51> out = new ArrayList<>();
        for (BigInteger v : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, P.subtract(BigInteger.ONE), P,
            P.add(BigInteger.ONE), BigInteger.TWO.pow(255).subtract(BigInteger.ONE), BigInteger.TWO.pow(51), BigInteger.TWO.pow(51).subtract(BigInteger.ONE),
            BigInteger.TWO.pow(204), P.shiftRight(1)}) {
            out.add(canonical(v));
        }
        out.add(new FieldElement51(LOOSE_MAX, LOOSE_MAX, LOOSE_MAX, LOOSE_MAX, LOOSE_MAX));
        out.add(new FieldElement51(2 * (FieldElement51.LIMB_MASK - 18), 2 * FieldElement51.LIMB_MASK, 2 * FieldElement51.LIMB_MASK,
                2 * FieldElement51.LIMB_MASK, 2 * FieldElement51.LIMB_MASK)); // 2p in loose limbs
        out.add(new FieldElement51(LOOSE_MAX, 0, LOOSE_MAX, 0, LOOSE_MAX));
        out.add(new FieldElement51(0, 0, 0, 0, LOOSE_MAX));
        Random random = new Random(seed);
        for (int i = 0; i < randomCount; i++) {
            int bits = 1 + random.nextInt(52);
            long mask = (1L << bits) - 1;
            out.add(new FieldElement51(random.nextLong() & mask, random.nextLong() & mask, random.nextLong() & mask,
                    random.nextLong() & mask, random.nextLong() & mask));
        }
        return out;
    }

    @Test
    void addSubNegateMulSqrAgreeWithBigInteger() {
        List<FieldElement51> xs = samples(1, 120);
        for (FieldElement51 a : xs) {
            BigInteger av = value(a);
            for (FieldElement51 b : xs) {
                BigInteger bv = value(b);
                FieldElement51 r = new FieldElement51();
                r.add(a, b);
                check(av.add(bv), r);
                r.sub(a, b);
                check(av.subtract(bv), r);
                r.mul(a, b);
                check(av.multiply(bv), r);
            }
            FieldElement51 r = new FieldElement51();
            r.sqr(a);
            check(av.multiply(av), r);
            r.negate(a);
            check(av.negate(), r);
            r.sqrTimes(a, 5);
            check(av.modPow(BigInteger.valueOf(32), P), r);
        }
    }

    /** Lazy sums and differences (limbs up to 2^54) as mul's first factor and as addends, up to the largest limbs allowed. */
    @Test
    void lazyResultsFeedMultiplicationsAndSums() {
        long lazyMax = (1L << 54) - 1;
        FieldElement51 widest = new FieldElement51(lazyMax, lazyMax, lazyMax, lazyMax, lazyMax);
        List<FieldElement51> xs = samples(6, 60);
        for (FieldElement51 a : xs) {
            for (FieldElement51 b : xs) {
                FieldElement51 lazy = new FieldElement51();
                lazy.addLazy(a, b);
                assertLazy(lazy, 1L << 53);
                FieldElement51 r = new FieldElement51();
                r.mul(lazy, b);
                check(value(a).add(value(b)).multiply(value(b)), r);
                lazy.subLazy(a, b);
                assertLazy(lazy, 3L << 52);
                r.mul(lazy, a);
                check(value(a).subtract(value(b)).multiply(value(a)), r);
                FieldElement51 other = new FieldElement51();
                other.addLazy(b, a);
                r.add(lazy, other); // two lazy addends
                check(value(a).shiftLeft(1), r);
                r.sub(lazy, b); // a lazy minuend
                check(value(a).subtract(value(b).shiftLeft(1)), r);
            }
            FieldElement51 r = new FieldElement51();
            r.mul(widest, a);
            check(value(widest).multiply(value(a)), r);
        }
    }

    private static void assertLazy(FieldElement51 f, long bound) {
        for (long limb : new long[] {f.l0, f.l1, f.l2, f.l3, f.l4}) {
            assertTrue(limb >= 0 && limb < bound, "lazy limb out of bound: " + f);
        }
    }

    @Test
    void resultsMayAliasTheirInputs() {
        for (FieldElement51 a : samples(2, 30)) {
            BigInteger av = value(a);
            FieldElement51 r = copy(a);
            r.mul(r, r);
            check(av.multiply(av), r);
            r = copy(a);
            r.sub(r, r);
            check(BigInteger.ZERO, r);
            r = copy(a);
            r.add(r, r);
            check(av.shiftLeft(1), r);
        }
    }

    private static FieldElement51 copy(FieldElement51 a) {
        FieldElement51 c = new FieldElement51();
        c.set(a);
        return c;
    }

    private static void check(BigInteger expected, FieldElement51 actual) {
        assertLoose(actual);
        assertEquals(expected.mod(P), value(actual).mod(P));
    }

    @Test
    void reductionEncodingAndSignAreCanonical() {
        for (FieldElement51 a : samples(3, 300)) {
            BigInteger v = value(a).mod(P);
            FieldElement51 r = copy(a);
            r.reduce();
            assertEquals(v, value(r), "reduce of " + a);
            byte[] encoded = new byte[32];
            a.encode(encoded, 0);
            assertArrayEquals(Scalars.toLittleEndian(v, 32), encoded);
            assertEquals(v.signum() == 0, copy(a).isZero());
            assertEquals(v.testBit(0), copy(a).isNegative());
        }
    }

    @Test
    void decodingTakesThe255LowBitsAsTheyAre() {
        Random random = new Random(4);
        for (int i = 0; i < 300; i++) {
            byte[] b = new byte[40];
            random.nextBytes(b);
            if (i < 4) { // y = p .. p + 3 and 2^255 - 1: non-canonical encodings decode to their value
                java.util.Arrays.fill(b, 4, 36, (byte) 0xff);
                b[4] = (byte) (0xed + i);
            }
            FieldElement51 f = FieldElement51.decoded(b, 4);
            BigInteger expected = Scalars.fromLittleEndian(java.util.Arrays.copyOfRange(b, 4, 36)).clearBit(255);
            assertEquals(expected, value(f));
            assertLoose(f);
        }
    }

    @Test
    void invertAndThePowerForSquareRoots() {
        BigInteger exponent = P.subtract(BigInteger.valueOf(5)).shiftRight(3);
        for (FieldElement51 a : samples(5, 40)) {
            BigInteger av = value(a).mod(P);
            FieldElement51 r = new FieldElement51();
            r.invert(a);
            check(av.signum() == 0 ? BigInteger.ZERO : av.modInverse(P), r);
            r.powPMinus5Over8(a, new FieldElement51(), new FieldElement51(), new FieldElement51());
            check(av.modPow(exponent, P), r);
            FieldElement51 same = copy(a); // the result may be the base itself
            same.powPMinus5Over8(same, new FieldElement51(), new FieldElement51(), new FieldElement51());
            check(av.modPow(exponent, P), same);
        }
    }

    @Test
    void curveConstants() {
        BigInteger d = value(VerifyPoint.D);
        assertEquals(BigInteger.valueOf(-121665).mod(P), d.multiply(BigInteger.valueOf(121666)).mod(P));
        assertEquals(d.shiftLeft(1).mod(P), value(VerifyPoint.D2).mod(P));
        BigInteger i = value(VerifyPoint.SQRT_MINUS_ONE);
        assertEquals(P.subtract(BigInteger.ONE), i.multiply(i).mod(P));
    }
}

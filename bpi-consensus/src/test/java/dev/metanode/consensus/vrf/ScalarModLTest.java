package dev.metanode.consensus.vrf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Scalars mod L on 21-bit limbs against BigInteger mod L. */
class ScalarModLTest {
    private static final BigInteger L = EdwardsPoint.L;

    static BigInteger value(long[] limbs, int count) {
        BigInteger v = BigInteger.ZERO;
        for (int i = count - 1; i >= 0; i--) {
            v = v.shiftLeft(ScalarModL.LIMB_BITS).add(BigInteger.valueOf(limbs[i]));
        }
        return v;
    }

    private static List<BigInteger> wideSamples() {
        BigInteger top = BigInteger.TWO.pow(512);
        List<BigInteger> out = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, L.subtract(BigInteger.ONE), L, L.add(BigInteger.ONE),
                L.shiftLeft(1), L.multiply(L), top.subtract(BigInteger.ONE), top.subtract(L), BigInteger.TWO.pow(252),
                BigInteger.TWO.pow(253).subtract(BigInteger.ONE), BigInteger.TWO.pow(256).subtract(BigInteger.ONE),
                top.divide(L).multiply(L), top.divide(L).multiply(L).subtract(BigInteger.ONE)));
        Random random = new Random(31);
        for (int i = 0; i < 2000; i++) {
            out.add(new BigInteger(1 + random.nextInt(512), random));
        }
        return out;
    }

    @Test
    void reducingAWideNumberAgreesWithBigInteger() {
        for (BigInteger v : wideSamples()) {
            long[] s = new long[ScalarModL.WIDE_LIMBS];
            ScalarModL.load(Scalars.toLittleEndian(v, 64), 0, 64, s, ScalarModL.WIDE_LIMBS);
            assertEquals(v, value(s, ScalarModL.WIDE_LIMBS), "load");
            ScalarModL.reduceWide(s);
            assertEquals(v.mod(L), value(s, ScalarModL.LIMBS), "reduce " + v.toString(16));
            for (int i = 0; i < ScalarModL.WIDE_LIMBS; i++) { // below L < 2^253: the top limb has up to 22 bits
                long bound = i == ScalarModL.LIMBS - 1 ? 1L << 22 : i < ScalarModL.LIMBS ? 1L << 21 : 1;
                assertTrue(s[i] >= 0 && s[i] < bound, "limb " + i);
            }
        }
    }

    /** The batch's sums: up to 256 products of a 128-bit weight and a scalar below L, added without carries, then reduced. */
    @Test
    void sumsOfProductsReduceExactly() {
        Random random = new Random(32);
        for (int n : new int[] {1, 2, 64, 256}) {
            for (int round = 0; round < 20; round++) {
                long[] acc = new long[ScalarModL.WIDE_LIMBS];
                BigInteger expected = BigInteger.ZERO;
                for (int i = 0; i < n; i++) {
                    BigInteger z = round == 0 ? BigInteger.TWO.pow(128).subtract(BigInteger.ONE) : new BigInteger(128, random);
                    BigInteger s = round == 0 ? L.subtract(BigInteger.ONE) : new BigInteger(253, random).mod(L);
                    long[] zl = new long[ScalarModL.WEIGHT_LIMBS];
                    long[] sl = new long[ScalarModL.LIMBS];
                    ScalarModL.load(Scalars.toLittleEndian(z, 16), 0, 16, zl, ScalarModL.WEIGHT_LIMBS);
                    ScalarModL.load(Scalars.toLittleEndian(s, 32), 0, 32, sl, ScalarModL.LIMBS);
                    ScalarModL.mulAdd(acc, zl, ScalarModL.WEIGHT_LIMBS, sl, ScalarModL.LIMBS);
                    expected = expected.add(z.multiply(s));
                }
                ScalarModL.reduceWide(acc);
                assertEquals(expected.mod(L), value(acc, ScalarModL.LIMBS), "n=" + n);
            }
        }
    }

    @Test
    void theCanonicalScalarTestIsSBelowL() {
        List<BigInteger> values = new ArrayList<>(List.of(BigInteger.ZERO, L.subtract(BigInteger.ONE), L, L.add(BigInteger.ONE),
                BigInteger.TWO.pow(252), BigInteger.TWO.pow(252).subtract(BigInteger.ONE), BigInteger.TWO.pow(253),
                BigInteger.TWO.pow(256).subtract(BigInteger.ONE), L.add(BigInteger.TWO.pow(200)), L.subtract(BigInteger.TWO.pow(130))));
        Random random = new Random(33);
        for (int i = 0; i < 500; i++) {
            values.add(L.add(BigInteger.valueOf(random.nextInt(1 << 20) - (1 << 19))));
            values.add(new BigInteger(256, random));
        }
        for (BigInteger v : values) {
            byte[] b = new byte[40];
            System.arraycopy(Scalars.toLittleEndian(v, 32), 0, b, 3, 32);
            assertEquals(v.compareTo(L) < 0, ScalarModL.isBelowL(b, 3), v.toString(16));
        }
    }

    @Test
    void wordsHoldTheSameValue() {
        Random random = new Random(34);
        for (int i = 0; i < 500; i++) {
            BigInteger v = i == 0 ? BigInteger.TWO.pow(256).subtract(BigInteger.ONE) : new BigInteger(1 + random.nextInt(256), random);
            long[] limbs = new long[ScalarModL.LIMBS];
            ScalarModL.load(Scalars.toLittleEndian(v, 32), 0, 32, limbs, ScalarModL.LIMBS);
            long[] words = new long[ScalarModL.WORDS];
            ScalarModL.toWords(limbs, ScalarModL.LIMBS, words);
            BigInteger back = BigInteger.ZERO;
            for (int w = ScalarModL.WORDS - 1; w >= 0; w--) {
                back = back.shiftLeft(64).add(new BigInteger(Long.toUnsignedString(words[w])));
            }
            assertEquals(v, back);
        }
    }
}

package dev.metanode.consensus.vrf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The windowed scalar multiplications against plain double-and-add. */
class EdwardsPointTest {
    private static EdwardsPoint reference(EdwardsPoint p, BigInteger k) {
        EdwardsPoint r = EdwardsPoint.IDENTITY;
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            r = r.twice();
            if (k.testBit(i)) {
                r = r.add(p);
            }
        }
        return r;
    }

    @Test
    void multiplyAgreesWithDoubleAndAdd() {
        Random random = new Random(5);
        EdwardsPoint p = EdwardsPoint.BASE.twice().add(EdwardsPoint.BASE).twice(); // 6B, not the base itself
        for (int i = 0; i < 40; i++) {
            BigInteger k = new BigInteger(1 + random.nextInt(255), random);
            assertArrayEquals(reference(p, k).encode(), p.multiply(k).encode(), "k=" + k);
            assertArrayEquals(reference(EdwardsPoint.BASE, k).encode(), EdwardsPoint.multiplyBase(k).encode(), "k=" + k);
        }
    }

    @Test
    void edgeScalars() {
        BigInteger[] scalars = {BigInteger.ZERO, BigInteger.ONE, BigInteger.valueOf(8), BigInteger.valueOf(-8 & 0xff),
            EdwardsPoint.L.subtract(BigInteger.ONE), EdwardsPoint.L, BigInteger.TWO.pow(255).subtract(BigInteger.ONE),
            new BigInteger("8888888888888888888888888888888888888888888888888888888888888888", 16).shiftRight(1)};
        for (BigInteger k : scalars) {
            assertArrayEquals(reference(EdwardsPoint.BASE, k).encode(), EdwardsPoint.multiplyBase(k).encode(), "k=" + k);
            assertArrayEquals(reference(EdwardsPoint.BASE, k).encode(), EdwardsPoint.BASE.multiply(k).encode(), "k=" + k);
        }
        assertTrue(EdwardsPoint.multiplyBase(EdwardsPoint.L).isIdentity());
        assertThrows(IllegalArgumentException.class, () -> EdwardsPoint.BASE.multiply(BigInteger.TWO.pow(255)));
    }

    @Test
    void digitsAreSignedRadixSixteen() {
        BigInteger k = new BigInteger("7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", 16);
        int[] digits = EdwardsPoint.signedDigits(k);
        BigInteger sum = BigInteger.ZERO;
        for (int i = digits.length - 1; i >= 0; i--) {
            assertTrue(digits[i] >= -8 && digits[i] <= 8);
            sum = sum.shiftLeft(4).add(BigInteger.valueOf(digits[i]));
        }
        assertEquals(k, sum);
    }
}

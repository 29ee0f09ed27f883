package dev.metanode.consensus.vrf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Straus' multi-scalar sum against one constant-time multiplication per term. */
class MultiScalarTest {
    @Test
    void theNonAdjacentFormAddsBackToTheScalar() {
        Random random = new Random(11);
        List<BigInteger> scalars = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.valueOf(15),
                BigInteger.valueOf(16), BigInteger.valueOf(31), EdwardsPoint.L.subtract(BigInteger.ONE),
                BigInteger.TWO.pow(256).subtract(BigInteger.ONE), BigInteger.TWO.pow(255)));
        for (int i = 0; i < 500; i++) {
            scalars.add(new BigInteger(1 + random.nextInt(256), random));
        }
        for (BigInteger k : scalars) {
            int[] digits = MultiScalar.nonAdjacentForm(k);
            BigInteger sum = BigInteger.ZERO;
            int lastNonZero = Integer.MAX_VALUE;
            for (int pos = digits.length - 1; pos >= 0; pos--) {
                int d = digits[pos];
                if (d != 0) {
                    assertTrue((d & 1) == 1 && d >= -15 && d <= 15, "digit " + d);
                    assertTrue(lastNonZero - pos >= 5, "two non-zero digits within one window of " + k);
                    lastNonZero = pos;
                }
                sum = sum.shiftLeft(1).add(BigInteger.valueOf(d));
            }
            assertEquals(k, sum);
        }
        assertThrows(IllegalArgumentException.class, () -> MultiScalar.nonAdjacentForm(BigInteger.TWO.pow(256)));
        assertThrows(IllegalArgumentException.class, () -> MultiScalar.nonAdjacentForm(BigInteger.ONE.negate()));
    }

    @Test
    void theSumAgreesWithOneMultiplicationPerTerm() {
        Random random = new Random(12);
        for (int n : new int[] {1, 2, 7, 40}) {
            List<MultiScalar.Term> terms = new ArrayList<>();
            EdwardsPoint expected = EdwardsPoint.IDENTITY;
            for (int i = 0; i < n; i++) {
                EdwardsPoint p = EdwardsPoint.multiplyBase(new BigInteger(250, random));
                BigInteger k = i % 3 == 0 ? new BigInteger(128, random) : new BigInteger(255, random);
                terms.add(new MultiScalar.Term(k, p));
                expected = expected.add(p.multiply(k));
            }
            assertArrayEquals(expected.encode(), MultiScalar.sum(terms).encode(), "n=" + n);
        }
        assertTrue(MultiScalar.sum(List.of(new MultiScalar.Term(BigInteger.ZERO, EdwardsPoint.BASE))).isIdentity());
    }
}

package dev.metanode.consensus.vrf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Width-w NAF digits in a strided byte array: they add back to the scalar and obey the digit rules. */
class NafDigitsTest {
    private static long[] words(BigInteger k) {
        long[] w = new long[ScalarModL.WORDS];
        for (int i = 0; i < 4; i++) {
            w[i] = k.shiftRight(64 * i).longValue();
        }
        return w;
    }

    @Test
    void digitsAddBackToTheScalarForEveryWidth() {
        Random random = new Random(41);
        List<BigInteger> scalars = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.valueOf(127), BigInteger.valueOf(128),
                BigInteger.valueOf(255), EdwardsPoint.L.subtract(BigInteger.ONE), BigInteger.TWO.pow(256).subtract(BigInteger.ONE),
                BigInteger.TWO.pow(255), BigInteger.TWO.pow(128).subtract(BigInteger.ONE)));
        for (int i = 0; i < 300; i++) {
            scalars.add(new BigInteger(1 + random.nextInt(256), random));
        }
        int stride = 3;
        for (int width = 2; width <= NafDigits.MAX_WIDTH; width++) {
            for (BigInteger k : scalars) {
                for (boolean negate : new boolean[] {false, true}) {
                    byte[] out = new byte[NafDigits.POSITIONS * stride];
                    out[0] = 99; // another term's digits, left alone
                    out[2 + stride] = -99;
                    int top = NafDigits.recode(words(k), width, negate, out, 1, stride);
                    assertDigits(k, width, negate, out, stride, top);
                }
            }
        }
    }

    private static void assertDigits(BigInteger k, int width, boolean negate, byte[] out, int stride, int top) {
        BigInteger sum = BigInteger.ZERO;
        int lastNonZero = Integer.MAX_VALUE;
        int highest = -1;
        for (int pos = NafDigits.POSITIONS - 1; pos >= 0; pos--) {
            int d = out[1 + pos * stride];
            if (d != 0) {
                highest = Math.max(highest, pos);
                assertTrue((d & 1) == 1 && Math.abs(d) < (1 << (width - 1)), "digit " + d);
                assertTrue(lastNonZero - pos >= width, "two non-zero digits within one window of " + k);
                lastNonZero = pos;
            }
            sum = sum.shiftLeft(1).add(BigInteger.valueOf(d));
        }
        assertEquals(negate ? k.negate() : k, sum, "width " + width);
        assertEquals(99, out[0]);
        assertEquals(-99, out[2 + stride]);
        assertEquals(highest, top);
    }

    @Test
    void outOfRangeIsRefused() {
        long[] tooBig = new long[ScalarModL.WORDS];
        tooBig[4] = 1;
        byte[] out = new byte[NafDigits.POSITIONS];
        assertThrows(IllegalArgumentException.class, () -> NafDigits.recode(tooBig, 5, false, out, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> NafDigits.recode(new long[ScalarModL.WORDS], 9, false, out, 0, 1));
    }
}

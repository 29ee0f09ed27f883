package dev.metanode.consensus.vrf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The multi-scalar sum against one multiplication per term, and against the former {@link MultiScalar}. */
class StrausSumTest {
    private static long[] limbs(BigInteger k) {
        long[] l = new long[ScalarModL.LIMBS];
        ScalarModL.load(Scalars.toLittleEndian(k, 32), 0, 32, l, ScalarModL.LIMBS);
        return l;
    }

    @Test
    void theSumAgreesWithOneMultiplicationPerTerm() {
        Random random = new Random(61);
        List<EdwardsPoint> points = VerifyPointTest.points(30);
        StrausSum sum = new StrausSum(); // one instance, reused with growing and shrinking sizes
        for (int n : new int[] {1, 2, 7, 40, 3, 129, 1}) {
            sum.start(n);
            EdwardsPoint expected = EdwardsPoint.IDENTITY;
            List<MultiScalar.Term> former = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                EdwardsPoint p = points.get(random.nextInt(points.size()));
                BigInteger k = switch (i % 4) {
                    case 0 -> new BigInteger(128, random);
                    case 1 -> new BigInteger(256, random);
                    case 2 -> BigInteger.valueOf(random.nextInt(3)); // 0, 1, 2
                    default -> new BigInteger(253, random).mod(EdwardsPoint.L);
                };
                boolean negate = random.nextBoolean();
                int width = 2 + random.nextInt(NafDigits.MAX_WIDTH - 1);
                CachedPoint[] table = CachedPoint.array(OddMultiples.entries(width));
                OddMultiples.fill(VerifyPointTest.of(p), new CachedPoint(), table, table.length);
                sum.term(table, width, limbs(k), ScalarModL.LIMBS, negate);
                EdwardsPoint kp = k.bitLength() < 255 ? p.multiply(k) : p.multiply(k.shiftRight(1)).twice().add(k.testBit(0) ? p : EdwardsPoint.IDENTITY);
                expected = expected.add(negate ? kp.negate() : kp);
                former.add(new MultiScalar.Term(k, negate ? p.negate() : p));
            }
            VerifyPoint acc = new VerifyPoint();
            sum.sumInto(acc);
            assertArrayEquals(expected.encode(), acc.encode(), "n=" + n);
            assertArrayEquals(MultiScalar.sum(former).encode(), acc.encode(), "n=" + n);
            CachedPoint base = new CachedPoint();
            base.set(VerifyPointTest.of(EdwardsPoint.BASE));
            acc.add(base, true); // T is current after a sum
            assertArrayEquals(expected.add(EdwardsPoint.BASE).encode(), acc.encode());
        }
    }

    @Test
    void theBaseTableAndZeroScalars() {
        StrausSum sum = new StrausSum();
        sum.start(2);
        sum.term(OddMultiples.BASE, OddMultiples.BASE_WIDTH, limbs(BigInteger.ZERO), ScalarModL.LIMBS, false);
        sum.term(OddMultiples.BASE, OddMultiples.BASE_WIDTH, limbs(BigInteger.ZERO), ScalarModL.LIMBS, true);
        VerifyPoint acc = new VerifyPoint();
        sum.sumInto(acc);
        assertTrue(acc.isIdentity());
        assertThrows(IllegalStateException.class,
                () -> sum.term(OddMultiples.BASE, OddMultiples.BASE_WIDTH, limbs(BigInteger.ONE), ScalarModL.LIMBS, false));
        Random random = new Random(62);
        for (int i = 0; i < 20; i++) {
            BigInteger k = new BigInteger(253, random);
            sum.start(1);
            sum.term(OddMultiples.BASE, OddMultiples.BASE_WIDTH, limbs(k), ScalarModL.LIMBS, false);
            sum.sumInto(acc);
            assertArrayEquals(EdwardsPoint.multiplyBase(k).encode(), acc.encode());
        }
    }
}

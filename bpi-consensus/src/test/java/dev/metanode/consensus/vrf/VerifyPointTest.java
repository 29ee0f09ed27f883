package dev.metanode.consensus.vrf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The verification point code against the VRF's constant-time {@link EdwardsPoint}. */
class VerifyPointTest {
    static VerifyPoint of(EdwardsPoint p) {
        VerifyPoint v = new VerifyPoint();
        assertTrue(v.decode(p.encode(), 0));
        return v;
    }

    /** The eight points of order dividing 8, as multiples of one of order 8. */
    static List<EdwardsPoint> torsion() {
        Random random = new Random(50);
        EdwardsPoint eight;
        do { // [L]P for a point P with a random torsion component: of order 8 half the time
            byte[] b = new byte[32];
            random.nextBytes(b);
            EdwardsPoint p = EdwardsPoint.decode(b);
            eight = p == null ? EdwardsPoint.IDENTITY : p.multiply(EdwardsPoint.L);
        } while (eight.twice().twice().isIdentity());
        List<EdwardsPoint> out = new ArrayList<>();
        EdwardsPoint m = EdwardsPoint.IDENTITY;
        for (int i = 0; i < 8; i++) {
            out.add(m);
            m = m.add(eight);
        }
        return out;
    }

    /** Points of large order, of order 8 and below, and mixtures. */
    static List<EdwardsPoint> points(int count) {
        Random random = new Random(51);
        List<EdwardsPoint> torsion = torsion();
        List<EdwardsPoint> out = new ArrayList<>(torsion);
        out.add(EdwardsPoint.BASE);
        for (int i = 0; i < count; i++) {
            EdwardsPoint p = EdwardsPoint.multiplyBase(new BigInteger(252, random));
            out.add(i % 3 == 0 ? p.add(torsion.get(random.nextInt(8))) : p);
        }
        return out;
    }

    @Test
    void decodingAgreesOnEveryKindOfString() {
        Random random = new Random(52);
        List<byte[]> strings = new ArrayList<>();
        for (EdwardsPoint p : points(40)) {
            strings.add(p.encode());
        }
        for (int i = 0; i < 3000; i++) {
            byte[] b = new byte[32];
            random.nextBytes(b);
            if (i % 4 == 0) {
                b[31] &= 0x7f; // a positive x
            }
            strings.add(b);
        }
        byte[] zeroWithSign = new byte[32];
        zeroWithSign[31] = (byte) 0x80; // y = 0, x negative: order 4, fine
        strings.add(zeroWithSign);
        int valid = 0;
        for (byte[] b : strings) {
            if (!EdwardsPoint.canonicalEncoding(b, 0)) {
                continue;
            }
            EdwardsPoint expected = EdwardsPoint.decode(b);
            VerifyPoint v = new VerifyPoint();
            boolean decoded = v.decode(b, 0);
            assertEquals(expected != null, decoded, java.util.HexFormat.of().formatHex(b));
            if (decoded) {
                valid++;
                assertArrayEquals(b, v.encode());
                assertArrayEquals(expected.encode(), v.encode());
            }
        }
        assertTrue(valid > 1000, "about half of all strings are points: " + valid);
    }

    @Test
    void additionSubtractionAndDoublingAgree() {
        List<EdwardsPoint> ps = points(12);
        for (EdwardsPoint p : ps) {
            for (EdwardsPoint q : ps) {
                CachedPoint cq = new CachedPoint();
                cq.set(of(q));
                for (boolean withT : new boolean[] {true, false}) {
                    VerifyPoint sum = of(p);
                    sum.add(cq, withT);
                    if (!withT) {
                        sum.twice(true); // T stale: only a doubling may follow
                        assertArrayEquals(p.add(q).twice().encode(), sum.encode());
                    } else {
                        assertArrayEquals(p.add(q).encode(), sum.encode());
                        sum.sub(cq, true);
                        assertArrayEquals(p.encode(), sum.encode(), "(p + q) - q");
                    }
                    VerifyPoint diff = of(p);
                    diff.sub(cq, withT);
                    diff.twice(withT);
                    assertArrayEquals(p.add(q.negate()).twice().encode(), diff.encode());
                }
            }
        }
    }

    @Test
    void theCofactorAndTheIdentity() {
        for (EdwardsPoint p : points(20)) {
            VerifyPoint v = of(p);
            v.timesCofactor();
            assertEquals(p.timesCofactor().isIdentity(), v.isIdentity());
            assertArrayEquals(p.timesCofactor().encode(), v.encode());
        }
        assertTrue(new VerifyPoint().isIdentity());
        assertEquals(8, torsion().stream().filter(t -> {
            VerifyPoint v = of(t);
            v.timesCofactor();
            return v.isIdentity();
        }).count());
    }

    @Test
    void tablesHoldTheOddMultiples() {
        for (EdwardsPoint p : points(6)) {
            CachedPoint[] table = CachedPoint.array(16);
            OddMultiples.fill(of(p), new CachedPoint(), table, table.length);
            for (int j = 0; j < table.length; j++) {
                VerifyPoint v = new VerifyPoint();
                v.add(table[j], true);
                assertArrayEquals(p.multiply(BigInteger.valueOf(2L * j + 1)).encode(), v.encode(), "entry " + j);
            }
        }
        for (EdwardsPoint p : points(6)) { // affine tables, added to and subtracted from a point with Z != 1
            CachedPoint[] table = CachedPoint.array(32);
            OddMultiples.fillAffine(of(p), new CachedPoint(), table, table.length);
            EdwardsPoint q = p.twice().add(EdwardsPoint.BASE);
            for (int j = 0; j < table.length; j++) {
                assertTrue(table[j].affine);
                EdwardsPoint multiple = p.multiply(BigInteger.valueOf(2L * j + 1));
                VerifyPoint v = of(q.twice());
                v.twice(true); // Z is no longer 1
                v.add(table[j], true);
                assertArrayEquals(q.twice().twice().add(multiple).encode(), v.encode(), "entry " + j);
                v.sub(table[j], false);
                v.twice(true);
                assertArrayEquals(q.twice().twice().twice().encode(), v.encode(), "entry " + j);
            }
        }
        for (int j = 0; j < OddMultiples.BASE.length; j++) {
            VerifyPoint v = new VerifyPoint();
            v.add(OddMultiples.BASE[j], true);
            assertArrayEquals(EdwardsPoint.multiplyBase(BigInteger.valueOf(2L * j + 1)).encode(), v.encode(), "base entry " + j);
        }
    }
}

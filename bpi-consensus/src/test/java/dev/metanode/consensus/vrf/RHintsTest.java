package dev.metanode.consensus.vrf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.testing.TestKeys;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** R hints: a good one gives decoding's point, every other kind is refused, and no answer depends on one. */
class RHintsTest {
    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));

    private static byte[] xOf(VerifyPoint decoded) {
        byte[] x = new byte[32];
        decoded.x.encodeInPlace(x, 0);
        return x;
    }

    private static byte[] littleEndian(BigInteger value) {
        return Scalars.toLittleEndian(value, 32);
    }

    @Test
    void theRightXGivesDecodingsPointAndNoOtherHintPasses() {
        Random random = new Random(70);
        for (EdwardsPoint p : VerifyPointTest.points(60)) {
            byte[] r = p.encode();
            VerifyPoint decoded = new VerifyPoint();
            assertTrue(decoded.decode(r, 0));
            byte[] x = xOf(decoded);
            BigInteger xValue = Scalars.fromLittleEndian(x);
            VerifyPoint hinted = new VerifyPoint();
            if (xValue.signum() == 0) { // (0, 1) and (0, -1): left to decoding
                assertFalse(hinted.decodeWithHint(r, 0, x, 0));
                continue;
            }
            assertTrue(hinted.decodeWithHint(r, 0, x, 0));
            assertArrayEquals(decoded.encode(), hinted.encode());

            assertFalse(new VerifyPoint().decodeWithHint(r, 0, littleEndian(P.subtract(xValue)), 0), "the other root");
            byte[] topBit = x.clone();
            topBit[31] |= (byte) 0x80;
            assertFalse(new VerifyPoint().decodeWithHint(r, 0, topBit, 0), "the top bit set");
            if (xValue.add(P).bitLength() <= 255) {
                assertFalse(new VerifyPoint().decodeWithHint(r, 0, littleEndian(xValue.add(P)), 0), "x + p");
            }
            byte[] other = new byte[32];
            random.nextBytes(other);
            VerifyPoint guessed = new VerifyPoint();
            if (guessed.decodeWithHint(r, 0, other, 0)) { // only the right x can pass
                assertArrayEquals(x, other);
            }
        }
        byte[] r = EdwardsPoint.BASE.encode();
        assertFalse(new VerifyPoint().decodeWithHint(r, 0, littleEndian(P), 0), "p, a non-canonical zero");
        assertFalse(new VerifyPoint().decodeWithHint(r, 0, littleEndian(P.add(BigInteger.ONE)), 0), "p + 1");
    }

    @Test
    void answersAreTheSameWithGoodBadOrNoHints() {
        List<Ed25519Batch.Check> checks = new ArrayList<>();
        boolean[] expected = new boolean[24];
        for (int i = 0; i < expected.length; i++) {
            SigningKey key = TestKeys.key(80 + i % 3);
            byte[] message = ("hinted " + i).getBytes(StandardCharsets.UTF_8);
            byte[] signature = key.sign(message);
            expected[i] = i % 5 != 2;
            byte[] signed = expected[i] ? message : "something else".getBytes(StandardCharsets.UTF_8);
            checks.add(new Ed25519Batch.Check(key.publicKey().bytes(), signed, signature));
        }
        assertArrayEquals(expected, Ed25519Batch.verifyEach(checks));
        List<byte[]> good = new ArrayList<>();
        for (Ed25519Batch.Check c : checks) {
            byte[] x = RHints.x(c.signature());
            assertNotNull(x, "checking a signature leaves its R's x behind for gossip");
            good.add(x);
        }

        Random random = new Random(71);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < checks.size(); i++) {
                byte[] hint = switch (round) {
                    case 0 -> good.get(i);
                    case 1 -> littleEndian(P.subtract(Scalars.fromLittleEndian(good.get(i)))); // the other root
                    default -> {
                        byte[] garbage = new byte[32];
                        random.nextBytes(garbage);
                        yield garbage;
                    }
                };
                RHints.offer(checks.get(i).signature(), hint);
            }
            assertArrayEquals(expected, Ed25519Batch.verifyEach(checks), "round " + round);
            for (int i = 0; i < checks.size(); i++) {
                Ed25519Batch.Check c = checks.get(i);
                RHints.offer(c.signature(), round == 0 ? good.get(i) : new byte[32]);
                assertTrue(expected[i] == Ed25519Batch.verify(c.publicKey(), c.message(), c.signature()));
            }
        }
        for (int i = 0; i < checks.size(); i++) { // a refused hint is replaced by the x decoding found
            assertArrayEquals(good.get(i), RHints.x(checks.get(i).signature()));
        }
    }
}

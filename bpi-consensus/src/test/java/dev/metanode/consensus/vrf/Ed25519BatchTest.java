package dev.metanode.consensus.vrf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;

/** One rule, alone or in a batch: RFC 8032 vectors, honest batches, every kind of bad signature. */
class Ed25519BatchTest {
    private static final HexFormat HEX = HexFormat.of();

    /** RFC 8032 section 7.1, TEST 1 and TEST 2: public key, message, signature. */
    private static final String[][] RFC8032 = {
        {"d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"},
        {"3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"},
    };

    private static Ed25519Batch.Check vector(String[] v) {
        return new Ed25519Batch.Check(HEX.parseHex(v[0]), HEX.parseHex(v[1]), HEX.parseHex(v[2]));
    }

    private static byte[] seed(int i) {
        byte[] seed = new byte[32];
        new Random(i).nextBytes(seed);
        return seed;
    }

    private static byte[] publicKey(byte[] seed) {
        byte[] pk = new byte[32];
        Ed25519.generatePublicKey(seed, 0, pk, 0);
        return pk;
    }

    /** {@code n} honest signatures by {@code signers} keys over distinct messages. */
    static List<Ed25519Batch.Check> honest(int n, int signers, long salt) {
        List<Ed25519Batch.Check> checks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] seed = seed(i % signers);
            byte[] message = ("message " + salt + "/" + i).getBytes();
            byte[] sig = new byte[64];
            Ed25519.sign(seed, 0, message, 0, message.length, sig, 0);
            checks.add(new Ed25519Batch.Check(publicKey(seed), message, sig));
        }
        return checks;
    }

    private static boolean[] eachAlone(List<Ed25519Batch.Check> checks) {
        boolean[] answers = new boolean[checks.size()];
        for (int i = 0; i < answers.length; i++) {
            Ed25519Batch.Check c = checks.get(i);
            answers[i] = Ed25519Batch.verify(c.publicKey(), c.message(), c.signature());
        }
        return answers;
    }

    @Test
    void theRfcVectorsPass() {
        for (String[] v : RFC8032) {
            Ed25519Batch.Check c = vector(v);
            assertTrue(Ed25519Batch.verify(c.publicKey(), c.message(), c.signature()));
        }
        List<Ed25519Batch.Check> batch = new ArrayList<>(honest(6, 3, 1));
        Arrays.stream(RFC8032).map(Ed25519BatchTest::vector).forEach(batch::add);
        boolean[] all = new boolean[batch.size()];
        Arrays.fill(all, true);
        assertArrayEquals(all, Ed25519Batch.verifyEach(batch));
    }

    @Test
    void anHonestBatchPassesWholeWithSharedAndDistinctKeys() {
        for (int signers : new int[] {1, 5, 64}) {
            List<Ed25519Batch.Check> checks = honest(64, signers, signers);
            boolean[] all = new boolean[64];
            Arrays.fill(all, true);
            assertArrayEquals(all, Ed25519Batch.verifyEach(checks), signers + " signers");
        }
    }

    @Test
    void oneBadSignatureIsFoundWhereverItSits() {
        for (int bad : new int[] {0, 17, 31, 32, 63}) {
            for (int kind = 0; kind < 4; kind++) {
                List<Ed25519Batch.Check> checks = new ArrayList<>(honest(64, 8, bad * 10L + kind));
                checks.set(bad, spoil(checks.get(bad), kind));
                boolean[] expected = new boolean[64];
                Arrays.fill(expected, true);
                expected[bad] = false;
                assertArrayEquals(expected, Ed25519Batch.verifyEach(checks), "bad at " + bad + ", kind " + kind);
            }
        }
    }

    /** 0: another message, 1: a bit of R flipped, 2: a bit of s flipped, 3: another signer's key. */
    private static Ed25519Batch.Check spoil(Ed25519Batch.Check c, int kind) {
        byte[] sig = c.signature().clone();
        return switch (kind) {
            case 0 -> new Ed25519Batch.Check(c.publicKey(), "another".getBytes(), sig);
            case 1 -> {
                sig[3] ^= 4;
                yield new Ed25519Batch.Check(c.publicKey(), c.message(), sig);
            }
            case 2 -> {
                sig[40] ^= 1;
                yield new Ed25519Batch.Check(c.publicKey(), c.message(), sig);
            }
            default -> new Ed25519Batch.Check(publicKey(seed(999)), c.message(), sig);
        };
    }

    @Test
    void sAtOrAboveTheGroupOrderIsRefused() {
        Ed25519Batch.Check c = honest(1, 1, 7).get(0);
        byte[] sig = c.signature().clone();
        BigInteger s = Scalars.fromLittleEndian(Arrays.copyOfRange(sig, 32, 64)).add(EdwardsPoint.L);
        System.arraycopy(Scalars.toLittleEndian(s, 32), 0, sig, 32, 32);
        assertFalse(Ed25519Batch.verify(c.publicKey(), c.message(), sig), "s + L satisfies the equation but is not canonical");
        List<Ed25519Batch.Check> batch = new ArrayList<>(honest(8, 2, 8));
        batch.add(new Ed25519Batch.Check(c.publicKey(), c.message(), sig));
        assertFalse(Ed25519Batch.verifyEach(batch)[8]);
    }

    @Test
    void nonCanonicalEncodingsAndWrongLengthsAreRefused() {
        Ed25519Batch.Check c = honest(1, 1, 9).get(0);
        byte[] highY = new byte[32];
        Arrays.fill(highY, (byte) 0xff);
        highY[31] = 0x7f; // y = 2^255 - 1 >= p
        byte[] sig = c.signature().clone();
        System.arraycopy(highY, 0, sig, 0, 32);
        assertFalse(Ed25519Batch.verify(c.publicKey(), c.message(), sig));
        assertFalse(Ed25519Batch.verify(highY, c.message(), c.signature()));
        assertFalse(Ed25519Batch.verify(c.publicKey(), c.message(), Arrays.copyOf(c.signature(), 63)));
        assertFalse(Ed25519Batch.verify(Arrays.copyOf(c.publicKey(), 31), c.message(), c.signature()));
        assertFalse(Ed25519Batch.verify(null, c.message(), c.signature()));
        byte[] yIsP = highY.clone();
        yIsP[0] = (byte) 0xed; // y = p: the encoding of y = 0 plus p
        byte[] oneWithSign = new byte[32];
        oneWithSign[0] = 1;
        oneWithSign[31] = (byte) 0x80; // y = 1 forces x = 0, which has no negative
        for (byte[] r : new byte[][] {yIsP, oneWithSign}) {
            byte[] bad = c.signature().clone();
            System.arraycopy(r, 0, bad, 0, 32);
            assertFalse(Ed25519Batch.verify(c.publicKey(), c.message(), bad));
            assertFalse(Ed25519Batch.verifyEach(List.of(new Ed25519Batch.Check(c.publicKey(), c.message(), bad)))[0]);
        }
    }

    @Test
    void aSmallOrderKeyIsRefusedThoughItsEquationHolds() {
        byte[] identity = new byte[32];
        identity[0] = 1; // y = 1, x = 0: the neutral element, for which [s]B = R holds for any message
        BigInteger s = BigInteger.valueOf(12345);
        byte[] sig = new byte[64];
        System.arraycopy(EdwardsPoint.multiplyBase(s).encode(), 0, sig, 0, 32);
        System.arraycopy(Scalars.toLittleEndian(s, 32), 0, sig, 32, 32);
        assertFalse(Ed25519Batch.verify(identity, "anything".getBytes(), sig));
        List<Ed25519Batch.Check> batch = new ArrayList<>(honest(7, 2, 12));
        batch.add(new Ed25519Batch.Check(identity, "anything".getBytes(), sig));
        assertFalse(Ed25519Batch.verifyEach(batch)[7]);
    }

    /**
     * R with a small-order component: the cofactorless equation fails, the cofactored one holds
     * (Bouncy Castle 1.86 checks the cofactored one too, so its fast path says yes here). Alone and in a batch the answer must be the same, or two nodes could
     * disagree about a block.
     */
    @Test
    void aSignatureWithATorsionComponentGetsOneAnswerAloneAndInABatch() {
        byte[] seed = seed(3);
        byte[] h = VrfSecretKey.sha512(seed);
        byte[] a = Arrays.copyOf(h, 32);
        a[0] &= (byte) 248;
        a[31] &= 127;
        a[31] |= 64;
        BigInteger secret = Scalars.fromLittleEndian(a);
        byte[] pk = publicKey(seed);
        assertArrayEquals(pk, EdwardsPoint.multiplyBase(secret).encode());
        EdwardsPoint orderFour = EdwardsPoint.decode(new byte[32]);
        assertTrue(orderFour.twice().twice().isIdentity() && !orderFour.twice().isIdentity());

        BigInteger r = new BigInteger(250, new Random(4));
        byte[] rBytes = EdwardsPoint.multiplyBase(r).add(orderFour).encode();
        byte[] message = "torsion".getBytes();
        BigInteger k = Scalars.fromLittleEndian(VrfSecretKey.sha512(rBytes, pk, message)).mod(EdwardsPoint.L);
        BigInteger s = r.add(k.multiply(secret)).mod(EdwardsPoint.L);
        byte[] sig = new byte[64];
        System.arraycopy(rBytes, 0, sig, 0, 32);
        System.arraycopy(Scalars.toLittleEndian(s, 32), 0, sig, 32, 32);

        EdwardsPoint key = EdwardsPoint.decode(pk);
        EdwardsPoint cofactorless = EdwardsPoint.multiplyBase(s).add(key.multiply(k).negate());
        assertFalse(Arrays.equals(rBytes, cofactorless.encode()), "[s]B - [k]A is not R");
        assertTrue(Ed25519Batch.verify(pk, message, sig), "cofactored: accepted");
        List<Ed25519Batch.Check> batch = new ArrayList<>(honest(15, 3, 5));
        batch.add(new Ed25519Batch.Check(pk, message, sig));
        boolean[] all = new boolean[16];
        Arrays.fill(all, true);
        assertArrayEquals(all, Ed25519Batch.verifyEach(batch));
    }

    @Test
    void aBatchAlwaysAnswersAsTheSingleChecksDo() {
        Random random = new Random(21);
        for (int round = 0; round < 60; round++) {
            int n = 1 + random.nextInt(70);
            List<Ed25519Batch.Check> checks = new ArrayList<>(honest(n, 1 + random.nextInt(6), round));
            for (int i = 0; i < n; i++) {
                if (random.nextInt(8) == 0) {
                    checks.set(i, spoil(checks.get(i), random.nextInt(4)));
                }
            }
            assertArrayEquals(eachAlone(checks), Ed25519Batch.verifyEach(checks), "round " + round);
        }
    }
}

package dev.metanode.consensus.vrf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.junit.jupiter.api.Test;

/**
 * The new verification answers exactly as the former rule ({@link FormerEd25519Rule}) does, alone
 * and in batches, on random mixtures of honest signatures and every kind of bad or odd one.
 */
class Ed25519RuleCrossCheckTest {
    private static final List<EdwardsPoint> TORSION = VerifyPointTest.torsion();
    private static final int KINDS = Kind.values().length;

    /** What a generated signature is. */
    enum Kind {
        HONEST, OTHER_MESSAGE, S_BIT_FLIPPED, S_PLUS_L, S_IS_L, R_BIT_FLIPPED, R_NOT_CANONICAL, R_OFF_CURVE, R_NEGATIVE_ZERO,
        KEY_NOT_CANONICAL, KEY_SMALL_ORDER, KEY_OFF_CURVE, R_TORSIONED, KEY_TORSIONED, BOTH_TORSIONED, TORSIONED_AND_WRONG,
        RANDOM_BYTES, OTHER_SIGNER, SMALL_ORDER_R_ZERO_S
    }

    /** A signer with its secret scalar, so that signatures with chosen R and key components can be made. */
    record Signer(BigInteger secret, byte[] prefix, EdwardsPoint key) {
        static Signer of(int i) {
            byte[] seed = new byte[32];
            new Random(1000 + i).nextBytes(seed);
            byte[] h = VrfSecretKey.sha512(seed);
            byte[] a = Arrays.copyOf(h, 32);
            a[0] &= (byte) 248;
            a[31] &= 127;
            a[31] |= 64;
            BigInteger secret = Scalars.fromLittleEndian(a);
            return new Signer(secret, Arrays.copyOfRange(h, 32, 64), EdwardsPoint.multiplyBase(secret));
        }

        /** A signature under the key [secret]B + keyTorsion, with R = [r]B + rTorsion; returns key || signature. */
        byte[][] sign(byte[] message, EdwardsPoint keyTorsion, EdwardsPoint rTorsion) {
            byte[] pk = key.add(keyTorsion).encode();
            BigInteger r = Scalars.fromLittleEndian(VrfSecretKey.sha512(prefix, message)).mod(EdwardsPoint.L);
            byte[] rBytes = EdwardsPoint.multiplyBase(r).add(rTorsion).encode();
            BigInteger k = Scalars.fromLittleEndian(VrfSecretKey.sha512(rBytes, pk, message)).mod(EdwardsPoint.L);
            BigInteger s = r.add(k.multiply(secret)).mod(EdwardsPoint.L);
            byte[] sig = new byte[64];
            System.arraycopy(rBytes, 0, sig, 0, 32);
            System.arraycopy(Scalars.toLittleEndian(s, 32), 0, sig, 32, 32);
            return new byte[][] {pk, sig};
        }
    }

    private static final Signer[] SIGNERS = {Signer.of(0), Signer.of(1), Signer.of(2), Signer.of(3)};

    /** A check of the given kind, from the given signer and a seed for everything random about it. */
    static Ed25519Batch.Check make(Kind kind, int signer, long seed) {
        Random random = new Random(seed);
        Signer who = SIGNERS[signer % SIGNERS.length];
        byte[] message = ("m" + seed).getBytes();
        EdwardsPoint none = EdwardsPoint.IDENTITY;
        EdwardsPoint t = TORSION.get(1 + random.nextInt(7));
        byte[][] ks = switch (kind) {
            case R_TORSIONED -> who.sign(message, none, t);
            case KEY_TORSIONED -> who.sign(message, t, none);
            case BOTH_TORSIONED, TORSIONED_AND_WRONG -> who.sign(message, t, TORSION.get(random.nextInt(8)));
            default -> who.sign(message, none, none);
        };
        byte[] pk = ks[0];
        byte[] sig = ks[1];
        switch (kind) {
            case OTHER_MESSAGE -> message = ("other" + seed).getBytes();
            case S_BIT_FLIPPED -> sig[32 + random.nextInt(31)] ^= (byte) (1 << random.nextInt(8));
            case S_PLUS_L -> setS(sig, s(sig).add(EdwardsPoint.L));
            case S_IS_L -> setS(sig, EdwardsPoint.L);
            case R_BIT_FLIPPED -> sig[random.nextInt(32)] ^= (byte) (1 << random.nextInt(8));
            case R_NOT_CANONICAL -> System.arraycopy(nonCanonical(random), 0, sig, 0, 32);
            case R_OFF_CURVE -> System.arraycopy(offCurve(random), 0, sig, 0, 32);
            case R_NEGATIVE_ZERO -> System.arraycopy(negativeZero(random), 0, sig, 0, 32);
            case KEY_NOT_CANONICAL -> pk = nonCanonical(random);
            case KEY_SMALL_ORDER -> pk = TORSION.get(random.nextInt(8)).encode();
            case KEY_OFF_CURVE -> pk = offCurve(random);
            case TORSIONED_AND_WRONG -> sig[40] ^= 2;
            case RANDOM_BYTES -> random.nextBytes(sig);
            case OTHER_SIGNER -> pk = SIGNERS[(signer + 1) % SIGNERS.length].key.encode();
            case SMALL_ORDER_R_ZERO_S -> { // R of small order and s = 0 under a small-order key: the equation holds, the key rule refuses
                pk = TORSION.get(random.nextInt(8)).encode();
                System.arraycopy(TORSION.get(random.nextInt(8)).encode(), 0, sig, 0, 32);
                setS(sig, BigInteger.ZERO);
            }
            default -> { }
        }
        return new Ed25519Batch.Check(pk, message, sig);
    }

    private static BigInteger s(byte[] sig) {
        return Scalars.fromLittleEndian(Arrays.copyOfRange(sig, 32, 64));
    }

    private static void setS(byte[] sig, BigInteger s) {
        System.arraycopy(Scalars.toLittleEndian(s, 32), 0, sig, 32, 32);
    }

    /** y in p .. 2^255 - 1, which stands for y - p (only y below 19 has one): refused though y - p may be a point. */
    private static byte[] nonCanonical(Random random) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) 0xff);
        b[31] = (byte) (0x7f | (random.nextBoolean() ? 0x80 : 0));
        b[0] = (byte) (0xed + random.nextInt(0x13));
        return b;
    }

    /** A y with no x on the curve. */
    private static byte[] offCurve(Random random) {
        while (true) {
            byte[] b = new byte[32];
            random.nextBytes(b);
            if (EdwardsPoint.canonicalEncoding(b, 0) && EdwardsPoint.decode(b) == null) {
                return b;
            }
        }
    }

    /** y = 1 or y = -1 (x = 0) with the sign bit set. */
    private static byte[] negativeZero(Random random) {
        byte[] b = random.nextBoolean() ? TORSION.get(0).encode() : TORSION.get(4).encode();
        b[31] |= (byte) 0x80;
        return b;
    }

    private static boolean[] former(List<Ed25519Batch.Check> checks) {
        boolean[] answers = new boolean[checks.size()];
        for (int i = 0; i < answers.length; i++) {
            Ed25519Batch.Check c = checks.get(i);
            answers[i] = FormerEd25519Rule.verify(c.publicKey(), c.message(), c.signature());
        }
        return answers;
    }

    @Provide
    Arbitrary<List<Tuple2<Integer, Long>>> mixtures() {
        Arbitrary<Integer> kind = Arbitraries.frequencyOf(
                Tuple.of(KINDS * 9, Arbitraries.just(Kind.HONEST.ordinal())),
                Tuple.of(KINDS, Arbitraries.integers().between(0, KINDS - 1)));
        return Arbitraries.longs().flatMap(seed -> kind.map(k -> Tuple.of(k, seed))).list().ofMinSize(1).ofMaxSize(70)
                .withSizeDistribution(RandomDistribution.uniform());
    }

    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    void newAnswersEqualTheFormerRuleAloneAndInBatches(@ForAll("mixtures") List<Tuple2<Integer, Long>> picks) {
        List<Ed25519Batch.Check> checks = new ArrayList<>();
        for (int i = 0; i < picks.size(); i++) {
            checks.add(make(Kind.values()[picks.get(i).get1()], i, picks.get(i).get2()));
        }
        boolean[] expected = former(checks);
        int refused = 0;
        for (boolean e : expected) {
            refused += e ? 0 : 1;
        }
        Statistics.collect(checks.size() < 4 ? "singles" : checks.size() < 32 ? "batch < 32" : "batch >= 32",
                refused == 0 ? "all good" : refused == 1 ? "one bad" : "several bad");
        boolean[] alone = new boolean[checks.size()];
        for (int i = 0; i < alone.length; i++) {
            Ed25519Batch.Check c = checks.get(i);
            alone[i] = Ed25519Batch.verify(c.publicKey(), c.message(), c.signature());
        }
        assertArrayEquals(expected, alone, "single checks");
        assertArrayEquals(expected, Ed25519Batch.verifyEach(checks), "batched");
    }

    /** Every kind at least once with a known answer, so the generator really makes what it says. */
    @Test
    void everyKindGetsTheAnswerTheRuleGives() {
        for (Kind kind : Kind.values()) {
            for (long seed = 0; seed < 8; seed++) {
                Ed25519Batch.Check c = make(kind, (int) seed, seed);
                boolean former = FormerEd25519Rule.verify(c.publicKey(), c.message(), c.signature());
                boolean expected = switch (kind) {
                    case HONEST, R_TORSIONED, KEY_TORSIONED, BOTH_TORSIONED -> true;
                    case RANDOM_BYTES -> former; // almost surely false, but not by construction
                    default -> false;
                };
                assertEquals(expected, former, kind + " " + seed);
                assertEquals(former, Ed25519Batch.verify(c.publicKey(), c.message(), c.signature()), kind + " " + seed);
                List<Ed25519Batch.Check> batch = new ArrayList<>(Ed25519BatchTest.honest(7, 3, seed));
                batch.add(3, c);
                boolean[] answers = Ed25519Batch.verifyEach(batch);
                assertEquals(former, answers[3], kind + " " + seed + " in a batch");
                for (int i = 0; i < answers.length; i++) {
                    assertTrue(answers[i] || i == 3);
                }
            }
        }
    }
}

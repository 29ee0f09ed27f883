package dev.metanode.consensus.vrf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The variable-time ECVRF verification answers exactly as the former constant-time one, on good and hostile input. */
class EcvrfCrossCheckTest {
    private static final HexFormat HEX = HexFormat.of();

    private static String answer(Optional<byte[]> beta) {
        return beta.map(HEX::formatHex).orElse("none");
    }

    private static void agree(byte[] publicKey, byte[] alpha, byte[] proof) {
        assertEquals(answer(FormerEcvrf.verify(publicKey, alpha, proof)), answer(Ecvrf.verify(publicKey, alpha, proof)));
    }

    @Property(tries = 60)
    void honestAndMutatedProofsGetTheSameAnswer(@ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        Random random = new Random(seed);
        byte[] keySeed = new byte[32];
        random.nextBytes(keySeed);
        VrfSecretKey key = VrfSecretKey.fromSeed(keySeed);
        byte[] alpha = new byte[random.nextInt(40)];
        random.nextBytes(alpha);
        byte[] proof = Ecvrf.prove(key, alpha);
        assertTrue(Ecvrf.verify(key.publicKey(), alpha, proof).isPresent());
        agree(key.publicKey(), alpha, proof);
        byte[] flipped = proof.clone();
        flipped[random.nextInt(proof.length)] ^= (byte) (1 + random.nextInt(255));
        agree(key.publicKey(), alpha, flipped);
        byte[] sPlusL = proof.clone(); // s + L (below 2^254): the same point, refused by both
        byte[] s = java.util.Arrays.copyOfRange(proof, 48, 80);
        System.arraycopy(Scalars.toLittleEndian(EdwardsPoint.L.add(Scalars.fromLittleEndian(s)), 32), 0, sPlusL, 48, 32);
        agree(key.publicKey(), alpha, sPlusL);
        byte[] garbage = new byte[Ecvrf.PROOF_BYTES];
        random.nextBytes(garbage);
        agree(key.publicKey(), alpha, garbage);
        byte[] otherKey = new byte[32];
        random.nextBytes(otherKey);
        agree(otherKey, alpha, proof);
    }

    @Test
    void smallOrderAndNonCanonicalKeysAndGammasGetTheSameAnswer() {
        VrfSecretKey key = VrfSecretKey.fromSeed(new byte[32]);
        byte[] alpha = "cross".getBytes();
        byte[] proof = Ecvrf.prove(key, alpha);
        List<EdwardsPoint> torsion = VerifyPointTest.torsion();
        for (EdwardsPoint t : torsion) {
            agree(t.encode(), alpha, proof); // small-order keys
            byte[] withTorsionGamma = proof.clone();
            System.arraycopy(t.encode(), 0, withTorsionGamma, 0, 32);
            agree(key.publicKey(), alpha, withTorsionGamma);
        }
        byte[] p = new byte[32]; // y = p: not canonical
        java.util.Arrays.fill(p, (byte) 0xff);
        p[0] = (byte) 0xed;
        p[31] = 0x7f;
        agree(p, alpha, proof);
        byte[] nonCanonicalGamma = proof.clone();
        System.arraycopy(p, 0, nonCanonicalGamma, 0, 32);
        agree(key.publicKey(), alpha, nonCanonicalGamma);
        agree(key.publicKey(), alpha, new byte[Ecvrf.PROOF_BYTES]);
        agree(new byte[31], alpha, proof);
    }
}

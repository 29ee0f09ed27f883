package dev.metanode.consensus.vrf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.testing.TestKeys;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 9381 Appendix B.3 (Examples 16, 17, 18) and the ways a proof must fail. */
class EcvrfTest {
    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest(name = "RFC 9381 B.3 example {index}")
    @CsvSource({
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60,"
            + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a,'',"
            + "91bbed02a99461df1ad4c6564a5f5d829d0b90cfc7903e7a5797bd658abf3318,"
            + "8657106690b5526245a92b003bb079ccd1a92130477671f6fc01ad16f26f723f26f8a57ccaed74ee1b190bed1f479d9727d2d0f9b005a6e456a35d4fb0daab1268a1b0db10836d9826a528ca76567805,"
            + "90cf1df3b703cce59e2a35b925d411164068269d7b2d29f3301c03dd757876ff66b71dda49d2de59d03450451af026798e8f81cd2e333de5cdf4f3e140fdd8ae",
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb,"
            + "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c,72,"
            + "5b659fc3d4e9263fd9a4ed1d022d75eaacc20df5e09f9ea937502396598dc551,"
            + "f3141cd382dc42909d19ec5110469e4feae18300e94f304590abdced48aed5933bf0864a62558b3ed7f2fea45c92a465301b3bbf5e3e54ddf2d935be3b67926da3ef39226bbc355bdc9850112c8f4b02,"
            + "eb4440665d3891d668e7e0fcaf587f1b4bd7fbfe99d0eb2211ccec90496310eb5e33821bc613efb94db5e5b54c70a848a0bef4553a41befc57663b56373a5031",
        "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7,"
            + "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025,af82,"
            + "bf4339376f5542811de615e3313d2b36f6f53c0acfebb482159711201192576a,"
            + "9bc0f79119cc5604bf02d23b4caede71393cedfbb191434dd016d30177ccbf8096bb474e53895c362d8628ee9f9ea3c0e52c7a5c691b6c18c9979866568add7a2d41b00b05081ed0f58ee5e31b3a970e,"
            + "645427e5d00c62a23fb703732fa5d892940935942101e456ecca7bb217c61c452118fec1219202a0edcf038bb6373241578be7217ba85a2687f7a0310b2df19f"
    })
    void matchesTheRfcVectors(String sk, String pk, String alpha, String h, String pi, String beta) {
        VrfSecretKey key = VrfSecretKey.fromSeed(HEX.parseHex(sk));
        byte[] alphaBytes = HEX.parseHex(alpha);
        assertEquals(pk, HEX.formatHex(key.publicKey()), "public key");
        assertEquals(h, HEX.formatHex(Ecvrf.encodeToCurve(key.publicKey(), alphaBytes).orElseThrow().encode()), "H");
        byte[] proof = Ecvrf.prove(key, alphaBytes);
        assertEquals(pi, HEX.formatHex(proof), "pi");
        assertEquals(beta, HEX.formatHex(Ecvrf.proofToHash(proof).orElseThrow()), "beta");
        assertEquals(beta, HEX.formatHex(Ecvrf.verify(HEX.parseHex(pk), alphaBytes, HEX.parseHex(pi)).orElseThrow()));
    }

    @Test
    void rejectsTamperedProofsWrongInputsAndWrongKeys() {
        VrfSecretKey key = VrfSecretKey.fromSeed(new byte[32]);
        byte[] alpha = "seed".getBytes();
        byte[] proof = Ecvrf.prove(key, alpha);
        assertTrue(Ecvrf.verify(key.publicKey(), alpha, proof).isPresent());
        for (int position : new int[] {0, 31, 32, 47, 48, 79}) {
            byte[] bad = proof.clone();
            bad[position] ^= 1;
            assertFalse(Ecvrf.verify(key.publicKey(), alpha, bad).isPresent(), "flipped byte " + position);
        }
        assertFalse(Ecvrf.verify(key.publicKey(), "seed2".getBytes(), proof).isPresent());
        byte[] other = VrfSecretKey.fromSeed(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
            19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}).publicKey();
        assertFalse(Ecvrf.verify(other, alpha, proof).isPresent());
        assertFalse(Ecvrf.verify(key.publicKey(), alpha, new byte[79]).isPresent());
    }

    @Test
    void rejectsSmallOrderKeys() {
        byte[] identity = new byte[32];
        identity[0] = 1;
        assertEquals(Optional.empty(), Ecvrf.verify(identity, new byte[0], new byte[Ecvrf.PROOF_BYTES]));
    }

    @Test
    void derivedKeysAreStableAndDistinctPerSigningKey() {
        VrfSecretKey a = VrfSecretKey.derive(TestKeys.key(1));
        assertArrayEquals(a.publicKey(), VrfSecretKey.derive(TestKeys.key(1)).publicKey());
        assertNotEquals(HEX.formatHex(a.publicKey()), HEX.formatHex(VrfSecretKey.derive(TestKeys.key(2)).publicKey()));
        assertNotEquals(HEX.formatHex(a.publicKey()), HEX.formatHex(TestKeys.key(1).publicKey().bytes()));
    }
}

package dev.metanode.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.HexFormat;
import java.util.SplittableRandom;
import javax.crypto.KeyAgreement;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.junit.jupiter.api.Test;

class Ed25519ToX25519Test {
    private static final HexFormat HEX = HexFormat.of();
    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));

    @Test
    void matchesLibsodiumEd25519ConvertVector() {
        // libsodium test/default/ed25519_convert.c and .exp
        SigningKey key = SigningKey.fromSeed(HEX.parseHex("421151a459faeade3d247115f94aedae42318124095afabe4d1451a559faedee"));
        assertEquals("b5076a8474a832daee4dd5b4040983b6623b5f344aca57d4d6ee4baf3f259e6e",
                HEX.formatHex(key.publicKey().bytes()));
        assertEquals("8052030376d47112be7f73ed7a019293dd12ad910b654455798b4667d73de166",
                HEX.formatHex(key.x25519PrivateKey()));
        assertEquals("f1814f0e8ff1043d8a44d25babff3cedcae6c22c3edaa48f857ae70de2baae50",
                HEX.formatHex(key.publicKey().x25519PublicKey()));
    }

    @Test
    void rfc8032TestKey1ConvertsConsistently() throws Exception {
        SigningKey key = SigningKey.fromSeed(HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        assertEquals("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
                HEX.formatHex(key.publicKey().bytes()));
        byte[] u = key.publicKey().x25519PublicKey();
        assertEquals("d85e07ec22b0ad881537c2f44d662d1a143cf830c57aca4305d85c7a90f6b62e", HEX.formatHex(u));
        assertArrayEquals(u, montgomeryU(key.publicKey().bytes()));
        assertArrayEquals(u, jdkX25519(key.x25519PrivateKey(), basePoint()));
    }

    @Test
    void convertedKeysAgreeForRandomSeeds() throws Exception {
        SplittableRandom random = new SplittableRandom(25519);
        for (int i = 0; i < 50; i++) {
            SigningKey a = SigningKey.fromSeed(seed(random));
            SigningKey b = SigningKey.fromSeed(seed(random));
            byte[] aPublic = a.publicKey().x25519PublicKey();
            byte[] derived = new byte[32];
            X25519.generatePublicKey(a.x25519PrivateKey(), 0, derived, 0);
            assertArrayEquals(derived, aPublic, "X25519(sk, 9) == converted pk");
            assertArrayEquals(montgomeryU(a.publicKey().bytes()), aPublic, "u = (1+y)/(1-y)");
            byte[] ab = new byte[32];
            byte[] ba = new byte[32];
            X25519.calculateAgreement(a.x25519PrivateKey(), 0, b.publicKey().x25519PublicKey(), 0, ab, 0);
            X25519.calculateAgreement(b.x25519PrivateKey(), 0, aPublic, 0, ba, 0);
            assertArrayEquals(ab, ba);
            assertArrayEquals(ab, jdkX25519(a.x25519PrivateKey(), b.publicKey().x25519PublicKey()));
        }
    }

    @Test
    void negatedKeyMapsToTheSameU() {
        PublicKey key = SigningKey.fromSeed(new byte[32]).publicKey();
        byte[] negated = key.bytes();
        negated[31] ^= (byte) 0x80;
        assertArrayEquals(key.x25519PublicKey(), PublicKey.fromBytes(negated).x25519PublicKey());
    }

    @Test
    void neutralPointIsNotAPublicKey() {
        byte[] neutral = new byte[32];
        neutral[0] = 1; // y = 1, x = 0
        assertThrows(IllegalArgumentException.class, () -> PublicKey.fromBytes(neutral).x25519PublicKey());
    }

    /** The map written out with BigInteger, independently of Bouncy Castle's field code. */
    private static byte[] montgomeryU(byte[] edwards) {
        byte[] bigEndian = new byte[32];
        for (int i = 0; i < 32; i++) {
            bigEndian[i] = edwards[31 - i];
        }
        bigEndian[0] &= 0x7F;
        BigInteger y = new BigInteger(1, bigEndian);
        BigInteger u = BigInteger.ONE.add(y).multiply(BigInteger.ONE.subtract(y).modInverse(P)).mod(P);
        byte[] out = new byte[32];
        byte[] magnitude = u.toByteArray();
        for (int i = 0; i < 32 && i < magnitude.length; i++) {
            out[i] = magnitude[magnitude.length - 1 - i];
        }
        return out;
    }

    /** X25519 by the JDK's SunEC, a second implementation. */
    private static byte[] jdkX25519(byte[] scalar, byte[] u) throws Exception {
        KeyFactory factory = KeyFactory.getInstance("XDH");
        PrivateKey privateKey = factory.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar));
        byte[] bigEndian = new byte[32];
        for (int i = 0; i < 32; i++) {
            bigEndian[i] = u[31 - i];
        }
        java.security.PublicKey publicKey = factory.generatePublic(
                new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, bigEndian)));
        KeyAgreement agreement = KeyAgreement.getInstance("XDH");
        agreement.init(privateKey);
        agreement.doPhase(publicKey, true);
        return agreement.generateSecret();
    }

    private static byte[] basePoint() {
        byte[] nine = new byte[32];
        nine[0] = 9;
        return nine;
    }

    private static byte[] seed(SplittableRandom random) {
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        return seed;
    }
}

package dev.metanode.core.net;

import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.generators.MLKEMKeyPairGenerator;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMKeyGenerationParameters;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;

/**
 * ML-KEM-768 (FIPS 203) through Bouncy Castle's low-level API: the post-quantum half of the hybrid
 * handshake. The initiator makes a fresh key pair per handshake, the responder encapsulates to it.
 */
final class MlKem768 {
    static final MLKEMParameters PARAMETERS = MLKEMParameters.ml_kem_768;
    static final int PUBLIC_KEY_BYTES = 1184;
    static final int CIPHERTEXT_BYTES = 1088;
    static final int SECRET_BYTES = 32;

    private final MLKEMPrivateKeyParameters privateKey;
    private final byte[] publicKey;

    private MlKem768(AsymmetricCipherKeyPair pair) {
        this.privateKey = (MLKEMPrivateKeyParameters) pair.getPrivate();
        this.publicKey = ((MLKEMPublicKeyParameters) pair.getPublic()).getEncoded();
    }

    static MlKem768 generate(SecureRandom random) {
        MLKEMKeyPairGenerator generator = new MLKEMKeyPairGenerator();
        generator.init(new MLKEMKeyGenerationParameters(random, PARAMETERS));
        return new MlKem768(generator.generateKeyPair());
    }

    byte[] publicKey() {
        return publicKey.clone();
    }

    byte[] decapsulate(byte[] ciphertext) {
        if (ciphertext.length != CIPHERTEXT_BYTES) {
            throw new TransportException("ML-KEM ciphertext has " + ciphertext.length + " bytes");
        }
        // ML-KEM decapsulation never fails visibly (implicit rejection): a bad ciphertext gives a
        // random secret, and the next AEAD tag fails instead.
        return new MLKEMExtractor(privateKey).extractSecret(ciphertext);
    }

    /** Encapsulates to a peer's public key: returns {ciphertext, sharedSecret}. */
    static byte[][] encapsulate(byte[] peerPublicKey, SecureRandom random) {
        if (peerPublicKey.length != PUBLIC_KEY_BYTES) {
            throw new TransportException("ML-KEM public key has " + peerPublicKey.length + " bytes");
        }
        try {
            MLKEMPublicKeyParameters key = new MLKEMPublicKeyParameters(PARAMETERS, peerPublicKey);
            SecretWithEncapsulation result = new MLKEMGenerator(random).generateEncapsulated(key);
            return new byte[][] {result.getEncapsulation(), result.getSecret()};
        } catch (RuntimeException e) {
            // FIPS 203 requires refusing a key whose coefficients are not reduced mod q.
            throw new TransportException("peer sent an invalid ML-KEM public key");
        }
    }

    @Override
    public String toString() {
        return "MlKem768[redacted]";
    }
}

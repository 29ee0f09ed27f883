package dev.metanode.core.crypto;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** An Ed25519 public key. Verification goes through Bouncy Castle's rfc8032 code, not the JDK's slow SunEC. */
public final class PublicKey {
    public static final int KEY_BYTES = Ed25519.PUBLIC_KEY_SIZE;
    public static final int SIGNATURE_BYTES = Ed25519.SIGNATURE_SIZE;

    private final byte[] encoded;
    private final Ed25519PublicKeyParameters params;

    private PublicKey(byte[] encoded) {
        this.encoded = encoded.clone();
        this.params = new Ed25519PublicKeyParameters(this.encoded, 0);
    }

    /** Accepts the 32-byte encoding; rejects anything else with a clear message. */
    public static PublicKey fromBytes(byte[] encoded) {
        if (encoded == null || encoded.length != KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 public key has " + KEY_BYTES + " bytes, got "
                    + (encoded == null ? "none" : encoded.length));
        }
        return new PublicKey(encoded);
    }

    public static PublicKey fromBase64(String text) {
        return fromBytes(Base64.getDecoder().decode(text.trim()));
    }

    public boolean verify(byte[] message, byte[] signature) {
        if (signature == null || signature.length != SIGNATURE_BYTES) {
            return false;
        }
        return params.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
    }

    /**
     * The X25519 public key of the same point (the Montgomery u of this Edwards point), as
     * libsodium's {@code crypto_sign_ed25519_pk_to_curve25519}; its private key is
     * {@link SigningKey#x25519PrivateKey()}. A key and its negation (the sign bit flipped) give the
     * same u, and only the holder of the one private scalar can use either.
     */
    public byte[] x25519PublicKey() {
        return Ed25519ToX25519.publicKey(encoded); // one variable-time inversion: a few microseconds
    }

    public byte[] bytes() {
        return encoded.clone();
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(encoded);
    }

    /** A short, stable name for the key: the first 8 bytes of its SHA-256, in hex. */
    public String fingerprint() {
        return HexFormat.of().formatHex(Sha256.digest(encoded), 0, 8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKey other && Arrays.equals(encoded, other.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "ed25519:" + base64();
    }
}

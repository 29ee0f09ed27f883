package dev.metanode.core.net;

import dev.metanode.core.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Noise's SymmetricState with SHA-256: the chaining key {@code ck} that every DH and KEM secret is
 * mixed into, and the handshake hash {@code h} that every byte sent is mixed into. Because both
 * the X25519 and the ML-KEM secrets go through {@link #mixKey}, the final keys stay secret as long
 * as either of them does.
 */
final class SymmetricState {
    static final int HASH_BYTES = Sha256.DIGEST_BYTES;

    private final CipherState cipher = new CipherState();
    private final MessageDigest sha256 = Sha256.newDigest();
    private final Mac hmac = newHmac();
    private byte[] chainingKey;
    private byte[] handshakeHash;

    SymmetricState(String protocolName) {
        byte[] name = protocolName.getBytes(StandardCharsets.US_ASCII);
        if (name.length <= HASH_BYTES) {
            handshakeHash = new byte[HASH_BYTES];
            System.arraycopy(name, 0, handshakeHash, 0, name.length);
        } else {
            handshakeHash = sha256.digest(name);
        }
        chainingKey = handshakeHash.clone();
    }

    void mixKey(byte[] inputKeyMaterial) {
        byte[][] out = hkdf(chainingKey, inputKeyMaterial);
        chainingKey = out[0];
        cipher.initializeKey(out[1]);
    }

    void mixHash(byte[] data) {
        sha256.update(handshakeHash);
        sha256.update(data);
        handshakeHash = sha256.digest();
    }

    byte[] encryptAndHash(byte[] plaintext) {
        byte[] ciphertext = cipher.encryptWithAd(handshakeHash, plaintext);
        mixHash(ciphertext);
        return ciphertext;
    }

    byte[] decryptAndHash(byte[] ciphertext) {
        byte[] plaintext = cipher.decryptWithAd(handshakeHash, ciphertext, 0, ciphertext.length);
        mixHash(ciphertext);
        return plaintext;
    }

    boolean hasKey() {
        return cipher.hasKey();
    }

    byte[] handshakeHash() {
        return handshakeHash.clone();
    }

    /** Noise Split(): the initiator-to-responder and the responder-to-initiator keys. */
    byte[][] split() {
        return hkdf(chainingKey, new byte[0]);
    }

    /** HKDF with HMAC-SHA256 and two outputs, exactly as Noise section 4.3 defines it. */
    byte[][] hkdf(byte[] chainingKey, byte[] inputKeyMaterial) {
        Mac mac = hmac;
        try {
            mac.init(new SecretKeySpec(chainingKey, "HmacSHA256"));
            byte[] tempKey = mac.doFinal(inputKeyMaterial);
            mac.init(new SecretKeySpec(tempKey, "HmacSHA256"));
            byte[] out1 = mac.doFinal(new byte[] {1});
            mac.update(out1);
            byte[] out2 = mac.doFinal(new byte[] {2});
            return new byte[][] {out1, out2};
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC keys of 32 bytes are always valid", e);
        }
    }

    private static Mac newHmac() {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}

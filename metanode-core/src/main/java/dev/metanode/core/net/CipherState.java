package dev.metanode.core.net;

/**
 * Noise's CipherState: a key and a 64-bit nonce counter that only goes up. The counter is never
 * sent; both sides count, so a replayed, dropped or reordered frame decrypts under the wrong nonce
 * and fails authentication.
 */
final class CipherState {
    /** Noise reserves the last nonce for REKEY; a direction that reaches it must stop. */
    static final long NONCE_MAX = 0xFFFF_FFFF_FFFF_FFFEL;

    private ChaChaPoly aead;
    private long nonce;

    boolean hasKey() {
        return aead != null;
    }

    void initializeKey(byte[] key) {
        // A handshake sets a key at every MixKey; Cipher.getInstance costs more than a new key.
        if (aead == null) {
            aead = new ChaChaPoly(key);
        } else {
            aead.setKey(key);
        }
        nonce = 0;
    }

    long nonce() {
        return nonce;
    }

    byte[] encryptWithAd(byte[] ad, byte[] plaintext) {
        if (aead == null) {
            return plaintext.clone();
        }
        byte[] out = new byte[plaintext.length + ChaChaPoly.TAG_BYTES];
        aead.encrypt(nextNonce(), ad, plaintext, 0, plaintext.length, out, 0);
        return out;
    }

    /** Encrypts into out[outOff...], which must have room for len + TAG_BYTES bytes. */
    void encryptWithAd(byte[] ad, byte[] plaintext, int off, int len, byte[] out, int outOff) {
        aead.encrypt(nextNonce(), ad, plaintext, off, len, out, outOff);
    }

    byte[] decryptWithAd(byte[] ad, byte[] ciphertext, int off, int len) {
        if (aead == null) {
            byte[] copy = new byte[len];
            System.arraycopy(ciphertext, off, copy, 0, len);
            return copy;
        }
        if (Long.compareUnsigned(nonce, NONCE_MAX) > 0) {
            throw new TransportException("nonce space exhausted; the connection must be re-established");
        }
        // The nonce advances only on success: a failure kills the connection anyway.
        byte[] plaintext = aead.decrypt(nonce, ad, ciphertext, off, len);
        nonce++;
        return plaintext;
    }

    /** Decrypts into out[outOff...]; the key must be set. Returns the plaintext length. */
    int decryptWithAd(byte[] ad, byte[] ciphertext, int off, int len, byte[] out, int outOff) {
        if (Long.compareUnsigned(nonce, NONCE_MAX) > 0) {
            throw new TransportException("nonce space exhausted; the connection must be re-established");
        }
        int plaintextBytes = aead.decrypt(nonce, ad, ciphertext, off, len, out, outOff);
        nonce++;
        return plaintextBytes;
    }

    /**
     * Noise REKEY: the new key is the first 32 bytes of ENCRYPT(k, maxnonce, "", zeros). The old key
     * is gone afterwards, so a key stolen later cannot decrypt frames sent before the rekey.
     */
    void rekey() {
        byte[] zeros = new byte[ChaChaPoly.KEY_BYTES];
        byte[] out = new byte[ChaChaPoly.KEY_BYTES + ChaChaPoly.TAG_BYTES];
        aead.encrypt(-1L, new byte[0], zeros, 0, zeros.length, out, 0);
        byte[] newKey = new byte[ChaChaPoly.KEY_BYTES];
        System.arraycopy(out, 0, newKey, 0, newKey.length);
        aead.setKey(newKey);
    }

    private long nextNonce() {
        if (Long.compareUnsigned(nonce, NONCE_MAX) > 0) {
            throw new TransportException("nonce space exhausted; the connection must be re-established");
        }
        return nonce++;
    }
}

package dev.metanode.consensus.codec;

import dev.metanode.core.crypto.PublicKey;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decoded public keys by their bytes. Decoding an Ed25519 key checks the point (a square root),
 * and the same few validator keys arrive in every message, so they are decoded once. Thread-safe.
 */
public final class KeyCache {
    /** Keys remembered: far more than any validator set. */
    static final int KEYS_MAX = 4_096;
    private static final Map<ByteBuffer, PublicKey> KEYS = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, PublicKey> eldest) {
            return size() > KEYS_MAX;
        }
    };

    private KeyCache() {}

    /** @throws IllegalArgumentException if the bytes are not a key */
    public static PublicKey key(byte[] bytes) {
        ByteBuffer k = ByteBuffer.wrap(bytes.clone());
        synchronized (KEYS) {
            PublicKey known = KEYS.get(k);
            if (known != null) {
                return known;
            }
        }
        PublicKey key = PublicKey.fromBytes(bytes);
        synchronized (KEYS) {
            KEYS.put(k, key);
        }
        return key;
    }
}

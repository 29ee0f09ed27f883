package dev.metanode.consensus.state;

import dev.metanode.core.crypto.Sha256;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;

/**
 * A block's state changes as the {@link StateTree} needs them: (key hash, leaf hash) pairs sorted by
 * key hash, so the changes of one bucket are consecutive and in the bucket's own order. A null leaf
 * is a deletion.
 */
final class StateChanges {
    private final byte[][] keyHashes;
    private final byte[][] leaves;

    private StateChanges(byte[][] keyHashes, byte[][] leaves) {
        this.keyHashes = keyHashes;
        this.leaves = leaves;
    }

    /** {@code changes}: full key to new value, null where deleted. */
    static StateChanges of(SortedMap<byte[], byte[]> changes) {
        MessageDigest digest = Sha256.newDigest();
        byte[][][] pairs = new byte[changes.size()][][];
        int n = 0;
        for (Map.Entry<byte[], byte[]> e : changes.entrySet()) {
            byte[] key = e.getKey();
            byte[] keyHash = digest.digest(key);
            pairs[n++] = new byte[][] {keyHash, e.getValue() == null ? null : leafHash(digest, key, e.getValue())};
        }
        Arrays.sort(pairs, (a, b) -> Arrays.compareUnsigned(a[0], b[0]));
        byte[][] keyHashes = new byte[n][];
        byte[][] leaves = new byte[n][];
        for (int i = 0; i < n; i++) {
            keyHashes[i] = pairs[i][0];
            leaves[i] = pairs[i][1];
        }
        return new StateChanges(keyHashes, leaves);
    }

    /** SHA-256(0x00 || u32 length of key || key || value). */
    static byte[] leafHash(MessageDigest digest, byte[] key, byte[] value) {
        digest.reset();
        digest.update((byte) 0x00);
        digest.update(new byte[] {(byte) (key.length >>> 24), (byte) (key.length >>> 16), (byte) (key.length >>> 8),
                (byte) key.length});
        digest.update(key);
        digest.update(value);
        return digest.digest();
    }

    int size() {
        return keyHashes.length;
    }

    byte[] keyHash(int i) {
        return keyHashes[i];
    }

    byte[] leaf(int i) {
        return leaves[i];
    }

    /** The bucket of change {@code i}: the first {@value StateTree#DEPTH} bits of its key hash. */
    int bucket(int i) {
        return ((keyHashes[i][0] & 0xff) << 8 | (keyHashes[i][1] & 0xff)) >>> (16 - StateTree.DEPTH);
    }
}

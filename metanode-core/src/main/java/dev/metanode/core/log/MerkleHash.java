package dev.metanode.core.log;

import dev.metanode.core.crypto.Sha256;

/**
 * RFC 9162 §2.1.1 Merkle tree hashing with SHA-256.
 *
 * <p>Leaves and interior nodes get different one-byte prefixes so that a leaf can never be passed
 * off as an interior node (second-preimage resistance), which is the whole reason the log uses
 * this scheme rather than plain SHA-256 over concatenations.
 */
public final class MerkleHash {
    /** Every hash in the tree is a SHA-256 digest of this many bytes. */
    public static final int HASH_BYTES = Sha256.DIGEST_BYTES;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final byte[] EMPTY_ROOT = Sha256.digest(new byte[0]);

    private MerkleHash() {}

    /** {@code SHA-256(0x00 || data)}: the hash of one log entry. */
    public static byte[] leafHash(byte[] data) {
        return Sha256.digest(LEAF_PREFIX, data);
    }

    /** {@code SHA-256(0x01 || left || right)}: the hash of an interior node. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        return Sha256.digest(NODE_PREFIX, left, right);
    }

    /** {@code SHA-256("")}: the root of the tree with no leaves. */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }
}

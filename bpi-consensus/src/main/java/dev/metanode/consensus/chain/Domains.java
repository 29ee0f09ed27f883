package dev.metanode.consensus.chain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Domain tags in front of everything consensus signs, so that no signature of one kind can be
 * replayed as another kind (or as a transaction, whose tag is {@code metanode/tx/v1}).
 */
public final class Domains {
    private static final byte[] COMMIT_SEAL = "metanode/commit-seal/v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VRF_INPUT = "metanode/vrf-input/v1\0".getBytes(StandardCharsets.US_ASCII);

    private Domains() {}

    /** What a commit seal signs: the tag and the block hash (which already covers chain id and height). */
    public static byte[] commitSeal(byte[] blockHash) {
        return ByteBuffer.allocate(COMMIT_SEAL.length + blockHash.length).put(COMMIT_SEAL).put(blockHash).array();
    }

    /** The VRF input alpha of the proposer of (height, round): previous block hash, height and round. */
    public static byte[] vrfInput(byte[] parentHash, long height, int round) {
        return ByteBuffer.allocate(VRF_INPUT.length + parentHash.length + Long.BYTES + Integer.BYTES)
                .put(VRF_INPUT).put(parentHash).putLong(height).putInt(round).array();
    }
}

package dev.metanode.consensus.vrf;

import dev.metanode.consensus.chain.Validator;
import dev.metanode.consensus.chain.ValidatorSet;
import dev.metanode.core.crypto.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Stake-weighted proposer choice. The randomness for height h is the VRF output of block h-1's
 * proposer (proved over the hash of block h-2 and its height and round), so nobody knows who
 * proposes next before the previous block is final, and no proposer can grind it: a VRF has one
 * output per key and input. Round r of a height mixes r in, so a silent proposer is replaced by a
 * fresh draw. Every node computes the same choice from the same final chain.
 */
public final class ProposerSelector {
    private static final byte[] TAG = "metanode/proposer/v1\0".getBytes(StandardCharsets.US_ASCII);

    private ProposerSelector() {}

    /** The proposer of {@code round} given the previous block's VRF output {@code seed}. */
    public static Validator select(ValidatorSet validators, byte[] seed, int round) {
        byte[] draw = Sha256.digest(ByteBuffer.allocate(TAG.length + seed.length + Integer.BYTES)
                .put(TAG).put(seed).putInt(round).array());
        long ticket = Long.remainderUnsigned(ByteBuffer.wrap(draw).getLong(), validators.totalPower());
        for (Validator v : validators.validators()) {
            if (ticket < v.power()) {
                return v;
            }
            ticket -= v.power();
        }
        throw new IllegalStateException("ticket beyond total power");
    }

    /** The seed of height 1: the SHA-512 of the genesis hash stands in for a VRF output. */
    public static byte[] genesisSeed(byte[] genesisHash) {
        return VrfSecretKey.sha512(genesisHash);
    }
}

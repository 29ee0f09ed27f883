package dev.metanode.consensus.vrf;

import dev.metanode.consensus.chain.Validator;
import dev.metanode.consensus.chain.ValidatorSet;
import dev.metanode.core.crypto.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Stake-weighted proposer choice. The randomness for height h is the VRF output of block h-1's
 * proposer (proved over the hash of block h-2 and its height and round), so nobody knows who
 * proposes next before the previous block is final, and no proposer can grind it: a VRF has one
 * output per key and input. Round r of a height mixes r in and draws among the validators not yet
 * tried at this height, so a silent proposer is replaced by another. Every node computes the same
 * choice from the same final chain.
 */
public final class ProposerSelector {
    private static final byte[] TAG = "metanode/proposer/v1\0".getBytes(StandardCharsets.US_ASCII);

    private ProposerSelector() {}

    /**
     * The proposer of {@code round} given the previous block's VRF output {@code seed}. Each round
     * draws among the validators that have not had a round of this height yet (all of them again
     * once everyone has), so a validator that is down costs a height at most one round timeout:
     * a fresh draw among all could pick it again and again, and each round's timer is longer.
     */
    public static Validator select(ValidatorSet validators, byte[] seed, int round) {
        if (round < 0) {
            throw new IllegalArgumentException("round " + round);
        }
        List<Validator> all = validators.validators();
        Set<Validator> tried = new HashSet<>();
        for (int r = 0; ; r++) {
            long power = untriedPower(all, tried);
            if (power == 0) {
                tried.clear();
                power = validators.totalPower();
            }
            Validator chosen = draw(all, tried, power, seed, r);
            if (r == round) {
                return chosen;
            }
            tried.add(chosen);
        }
    }

    private static long untriedPower(List<Validator> all, Set<Validator> tried) {
        long power = 0;
        for (Validator v : all) {
            if (!tried.contains(v)) {
                power += v.power();
            }
        }
        return power;
    }

    /**
     * Stake-weighted draw among {@code all} but {@code excluded} (whose power is {@code power}), from
     * the hash of the seed and the round. With nothing excluded (every round 0) it is the draw of earlier versions.
     */
    private static Validator draw(List<Validator> all, Set<Validator> excluded, long power, byte[] seed, int round) {
        byte[] hash = Sha256.digest(ByteBuffer.allocate(TAG.length + seed.length + Integer.BYTES)
                .put(TAG).put(seed).putInt(round).array());
        long ticket = Long.remainderUnsigned(ByteBuffer.wrap(hash).getLong(), power);
        for (Validator v : all) {
            if (excluded.contains(v)) {
                continue;
            }
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

package dev.metanode.consensus.chain;

import dev.metanode.core.crypto.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One member of a validator set: its Ed25519 identity (signs consensus messages and commit seals),
 * its VRF public key (proves proposer eligibility) and its voting power (stake).
 */
public record Validator(PublicKey key, byte[] vrfKey, long power) {
    /** Voting power of one validator; keeps the sum of a full set far from overflow. */
    public static final long POWER_MAX = 1L << 40;

    public Validator {
        Objects.requireNonNull(key, "key");
        if (vrfKey == null || vrfKey.length != 32) {
            throw new IllegalArgumentException("a VRF public key has 32 bytes");
        }
        if (power < 1 || power > POWER_MAX) {
            throw new IllegalArgumentException("power must be in 1.." + POWER_MAX + ", got " + power);
        }
        vrfKey = vrfKey.clone();
    }

    @Override
    public byte[] vrfKey() {
        return vrfKey.clone();
    }

    public Validator withPower(long newPower) {
        return new Validator(key, vrfKey, newPower);
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key.base64());
        m.put("vrfKey", Base64.getEncoder().encodeToString(vrfKey));
        m.put("power", power);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Validator v && key.equals(v.key) && Arrays.equals(vrfKey, v.vrfKey) && power == v.power;
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + Long.hashCode(power);
    }

    @Override
    public String toString() {
        return "Validator[" + key.fingerprint() + " power=" + power + "]";
    }
}

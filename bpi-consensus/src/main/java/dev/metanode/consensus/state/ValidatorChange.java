package dev.metanode.consensus.state;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.consensus.chain.Validator;
import dev.metanode.consensus.chain.ValidatorSet;
import dev.metanode.core.codec.CanonicalJson;
import dev.metanode.core.codec.Json;
import dev.metanode.core.crypto.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One change to the validator set: add a member (with its VRF key and power), remove one, set one's
 * power (stake), or jail one (remove it after proven equivocation; only evidence does that).
 * Encoded as canonical JSON, which is also what validators vote on.
 */
public record ValidatorChange(Op op, PublicKey key, byte[] vrfKey, long power, long nonce) {
    /** What a change does. */
    public enum Op { ADD, REMOVE, STAKE, JAIL }

    public static ValidatorChange add(Validator v, long nonce) {
        return new ValidatorChange(Op.ADD, v.key(), v.vrfKey(), v.power(), nonce);
    }

    public static ValidatorChange remove(PublicKey key, long nonce) {
        return new ValidatorChange(Op.REMOVE, key, new byte[32], 0, nonce);
    }

    public static ValidatorChange stake(PublicKey key, long power, long nonce) {
        return new ValidatorChange(Op.STAKE, key, new byte[32], power, nonce);
    }

    public byte[] encode() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("op", op.name().toLowerCase());
        m.put("key", key.base64());
        m.put("vrfKey", Base64.getEncoder().encodeToString(vrfKey));
        m.put("power", power);
        m.put("nonce", nonce);
        return CanonicalJson.encode(m);
    }

    /** @throws IllegalArgumentException if malformed */
    public static ValidatorChange decode(JsonNode n) {
        Op op = Op.valueOf(n.path("op").asText("").toUpperCase());
        byte[] vrfKey = Base64.getDecoder().decode(n.path("vrfKey").asText(""));
        if (vrfKey.length != 32) {
            throw new IllegalArgumentException("vrfKey must be 32 bytes");
        }
        long power = n.path("power").asLong(-1);
        if (power < 0 || power > Validator.POWER_MAX || (op == Op.ADD || op == Op.STAKE) && power < 1) {
            throw new IllegalArgumentException("power out of range");
        }
        return new ValidatorChange(op, PublicKey.fromBase64(n.path("key").asText("")), vrfKey, power,
                n.path("nonce").asLong());
    }

    static byte[] encodeList(List<ValidatorChange> changes) {
        return CanonicalJson.encode(changes.stream().map(c -> Json.parse(c.encode())).toList());
    }

    static List<ValidatorChange> decodeList(byte[] bytes) {
        List<ValidatorChange> list = new ArrayList<>();
        Json.parse(bytes).forEach(n -> list.add(decode(n)));
        return list;
    }

    /** The set after this change, or empty where the change does not apply (or would empty the set). */
    Optional<ValidatorSet> applyTo(ValidatorSet set) {
        List<Validator> members = new ArrayList<>(set.validators());
        Optional<Validator> existing = set.find(key);
        switch (op) {
            case ADD -> {
                if (existing.isPresent() || members.size() >= ValidatorSet.VALIDATORS_MAX) {
                    return Optional.empty();
                }
                members.add(new Validator(key, vrfKey, power));
            }
            case REMOVE, JAIL -> {
                if (existing.isEmpty() || members.size() == 1) {
                    return Optional.empty();
                }
                members.remove(existing.get());
            }
            case STAKE -> {
                if (existing.isEmpty()) {
                    return Optional.empty();
                }
                members.set(members.indexOf(existing.get()), existing.get().withPower(power));
            }
        }
        return Optional.of(new ValidatorSet(members));
    }

    @Override
    public byte[] vrfKey() {
        return vrfKey.clone();
    }
}

package dev.metanode.consensus.chain;

import dev.metanode.core.codec.CanonicalJson;
import dev.metanode.core.codec.Json;
import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.crypto.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validators of one height, sorted by key so every node iterates them alike. Quorums are by
 * voting power: a quorum is more than two thirds of the total, a weak quorum more than one third
 * (at least one honest member when at most a third is faulty). Immutable.
 */
public final class ValidatorSet {
    /** Members of one set; bounds the size of certificates and seal lists. */
    public static final int VALIDATORS_MAX = 128;

    private final List<Validator> validators;
    private final Map<PublicKey, Validator> byKey = new LinkedHashMap<>();
    private final long totalPower;
    private final byte[] hash;

    public ValidatorSet(List<Validator> members) {
        if (members.isEmpty() || members.size() > VALIDATORS_MAX) {
            throw new IllegalArgumentException("a validator set has 1.." + VALIDATORS_MAX + " members, got " + members.size());
        }
        List<Validator> sorted = new ArrayList<>(members);
        sorted.sort(Comparator.comparing(v -> v.key().bytes(), Arrays::compareUnsigned));
        long total = 0;
        for (Validator v : sorted) {
            if (byKey.put(v.key(), v) != null) {
                throw new IllegalArgumentException("validator " + v.key().fingerprint() + " appears twice");
            }
            total += v.power();
        }
        this.validators = List.copyOf(sorted);
        this.totalPower = total;
        this.hash = Sha256.digest(encode());
    }

    public List<Validator> validators() {
        return validators;
    }

    public int size() {
        return validators.size();
    }

    public Optional<Validator> find(PublicKey key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public boolean contains(PublicKey key) {
        return byKey.containsKey(key);
    }

    public long power(PublicKey key) {
        Validator v = byKey.get(key);
        return v == null ? 0 : v.power();
    }

    public long totalPower() {
        return totalPower;
    }

    /** The least power that is more than two thirds of the total. */
    public long quorumPower() {
        return totalPower * 2 / 3 + 1;
    }

    /** The least power that is more than one third of the total. */
    public long weakQuorumPower() {
        return totalPower / 3 + 1;
    }

    /** SHA-256 of the canonical JSON form; headers name their set by it. */
    public byte[] hash() {
        return hash.clone();
    }

    /** RFC 8785 canonical JSON: {@code [{"key":..,"power":..,"vrfKey":..}, ...]} in key order. */
    public byte[] encode() {
        return CanonicalJson.encode(validators.stream().map(Validator::toJson).toList());
    }

    /** Sets decoded recently: the state holds the same set block after block. */
    private static final Map<java.nio.ByteBuffer, ValidatorSet> DECODED = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<java.nio.ByteBuffer, ValidatorSet> eldest) {
            return size() > 64;
        }
    };

    /** @throws IllegalArgumentException if the bytes are not a valid set */
    public static ValidatorSet decode(byte[] bytes) {
        java.nio.ByteBuffer key = java.nio.ByteBuffer.wrap(bytes.clone());
        synchronized (DECODED) {
            ValidatorSet known = DECODED.get(key);
            if (known != null) {
                return known;
            }
        }
        ValidatorSet set = parse(bytes);
        synchronized (DECODED) {
            DECODED.put(key, set);
        }
        return set;
    }

    private static ValidatorSet parse(byte[] bytes) {
        JsonNode node = Json.parse(bytes);
        if (!node.isArray()) {
            throw new IllegalArgumentException("a validator set is a JSON array");
        }
        List<Validator> members = new ArrayList<>();
        for (JsonNode v : node) {
            members.add(new Validator(PublicKey.fromBase64(v.path("key").asText()),
                    Base64.getDecoder().decode(v.path("vrfKey").asText()), v.path("power").asLong()));
        }
        return new ValidatorSet(members);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValidatorSet other && Arrays.equals(hash, other.hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "ValidatorSet" + validators;
    }
}

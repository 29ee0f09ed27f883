package dev.metanode.consensus.light;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metanode.consensus.chain.Genesis;
import dev.metanode.consensus.chain.ValidatorSet;
import dev.metanode.core.codec.Json;
import java.nio.charset.StandardCharsets;

/**
 * A genesis as JSON, the form of {@code genesis.json} and of a bundle's anchor:
 * {@code {"chainId": .., "timestampMillis": .., "validators": [{"key", "power", "vrfKey"}...]}}.
 */
public final class GenesisJson {
    private GenesisJson() {}

    public static ObjectNode toJson(Genesis genesis) {
        ObjectNode m = Json.object();
        m.put("chainId", genesis.chainId());
        m.put("timestampMillis", genesis.timestampMillis());
        m.set("validators", Json.parse(genesis.validators().encode()));
        return m;
    }

    /** @throws IllegalArgumentException naming the field that is missing or malformed */
    public static Genesis fromJson(JsonNode root) {
        String chainId = root.path("chainId").asText("");
        JsonNode time = root.path("timestampMillis");
        if (chainId.isEmpty() || !time.isIntegralNumber() || time.asLong() < 0) {
            throw new IllegalArgumentException("a genesis needs chainId (a string) and timestampMillis (a whole number)");
        }
        if (!root.path("validators").isArray()) {
            throw new IllegalArgumentException("a genesis needs validators (a list)");
        }
        ValidatorSet set;
        try {
            set = ValidatorSet.decode(Json.write(root.path("validators")).getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bad validators: " + Json.firstLine(e.getMessage()));
        }
        return new Genesis(chainId, set, time.asLong());
    }
}

package dev.metanode.consensus.chain;

import dev.metanode.core.codec.CanonicalJson;
import dev.metanode.core.crypto.Sha256;
import dev.metanode.core.codec.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Height 0: the chain id, the first validator set and a start time. Its hash is block 1's parent
 * hash and the start of the PoH chain; its SHA-512 seeds the first proposer choice.
 */
public record Genesis(String chainId, ValidatorSet validators, long timestampMillis) {
    public byte[] hash() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chainId", chainId);
        m.put("validators", Json.parse(validators.encode()));
        m.put("timestampMs", timestampMillis);
        return Sha256.digest(CanonicalJson.encode(m));
    }
}

package dev.metanode.consensus.chain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.consensus.poh.PohSegment;
import dev.metanode.core.codec.Json;
import dev.metanode.core.crypto.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** Parses a header's canonical JSON from outside input; only the canonical form of a header is accepted. */
public final class HeaderCodec {
    /** A header's JSON, with the largest PoH segment and checkpoints, stays far below this. */
    public static final int HEADER_BYTES_MAX = 64 * 1024 + BlockHeader.CHECKPOINTS_MAX * BlockHeader.CHECKPOINT_CHARS_MAX * 2;
    /** Mixins in one header: one per transaction. */
    public static final int MIXINS_MAX = 4096;

    private HeaderCodec() {}

    /** @throws IllegalArgumentException if malformed, invalid or not in canonical form */
    public static BlockHeader decode(byte[] bytes) {
        if (bytes.length > HEADER_BYTES_MAX) {
            throw new IllegalArgumentException("header longer than " + HEADER_BYTES_MAX + " bytes");
        }
        JsonNode n = Json.parse(bytes);
        JsonNode poh = n.path("poh");
        JsonNode mixinsNode = poh.path("mixins");
        if (!mixinsNode.isArray() || mixinsNode.size() > MIXINS_MAX || !n.path("checkpoints").isArray()) {
            throw new IllegalArgumentException("header has malformed mixins or checkpoints");
        }
        long[] mixins = new long[mixinsNode.size()];
        for (int i = 0; i < mixins.length; i++) {
            mixins[i] = integer(mixinsNode.get(i), "mixin");
        }
        List<String> checkpoints = new ArrayList<>();
        n.path("checkpoints").forEach(c -> checkpoints.add(c.asText()));
        BlockHeader header = new BlockHeader(text(n, "chainId"), integer(n.path("height"), "height"),
                Math.toIntExact(integer(n.path("round"), "round")), b64(n, "parentHash"),
                new PohSegment(b64(poh, "start"), integer(poh.path("hashCount"), "hashCount"), b64(poh, "end"), mixins),
                b64(n, "txRoot"), b64(n, "stateRoot"), checkpoints, b64(n, "validatorsHash"),
                dev.metanode.consensus.codec.KeyCache.key(java.util.Base64.getDecoder().decode(text(n, "proposer"))), b64(n, "vrfProof"), integer(n.path("timestampMs"), "timestampMs"));
        if (!Arrays.equals(header.encode(), bytes)) {
            throw new IllegalArgumentException("header is not in canonical form");
        }
        return header;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("header field " + field + " must be a string");
        }
        return v.asText();
    }

    private static byte[] b64(JsonNode n, String field) {
        return Base64.getDecoder().decode(text(n, field));
    }

    private static long integer(JsonNode v, String field) {
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("header field " + field + " must be an integer");
        }
        return v.asLong();
    }
}

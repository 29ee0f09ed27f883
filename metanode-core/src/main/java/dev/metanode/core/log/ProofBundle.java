package dev.metanode.core.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metanode.core.codec.Json;
import dev.metanode.core.receipt.LoggedReceipt;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The offline bundle: one JSON file with everything needed to check a receipt with nothing but
 * trusted public keys — the exact envelope bytes, its leaf index, the inclusion proof and the
 * signed checkpoint the proof leads to; and, once a block has anchored that checkpoint, the
 * {@code anchor}: the anchoring block header with its commit seals (checked by the consensus
 * module's light client; this class carries it as opaque JSON), or null.
 */
public record ProofBundle(String receiptId, byte[] envelope, long leafIndex, long treeSize, List<byte[]> proof,
        String checkpoint, JsonNode anchor) {
    public static final String FORMAT = "metanode-proof-bundle/v1";
    /** Bundles larger than this are refused unread. */
    public static final int BUNDLE_BYTES_MAX = 4 << 20;
    /** A proof in a tree of 2^63 leaves has at most 63 hashes. */
    public static final int PROOF_HASHES_MAX = 64;

    public ProofBundle {
        proof = List.copyOf(proof);
        if (anchor != null && !anchor.isObject()) {
            throw new IllegalArgumentException("bundle field 'anchor' must be an object");
        }
    }

    /** A bundle whose checkpoint is not (yet) anchored in a block. */
    public ProofBundle(String receiptId, byte[] envelope, long leafIndex, long treeSize, List<byte[]> proof,
            String checkpoint) {
        this(receiptId, envelope, leafIndex, treeSize, proof, checkpoint, null);
    }

    public static ProofBundle of(LoggedReceipt receipt, long treeSize, List<byte[]> proof, String checkpoint) {
        return new ProofBundle(receipt.id(), receipt.envelope(), receipt.index(), treeSize, proof, checkpoint);
    }

    /** The same bundle with the block anchoring its checkpoint. */
    public ProofBundle withAnchor(JsonNode anchorJson) {
        return new ProofBundle(receiptId, envelope, leafIndex, treeSize, proof, checkpoint, anchorJson);
    }

    public String toJson() {
        Base64.Encoder b64 = Base64.getEncoder();
        ObjectNode root = Json.object();
        root.put("format", FORMAT);
        root.put("receiptId", receiptId);
        root.put("leafIndex", leafIndex);
        root.put("treeSize", treeSize);
        root.put("envelope", b64.encodeToString(envelope));
        ArrayNode hashes = root.putArray("inclusionProof");
        proof.forEach(h -> hashes.add(b64.encodeToString(h)));
        root.put("checkpoint", checkpoint);
        if (anchor != null) {
            root.set("anchor", anchor);
        }
        root.set("statement", Json.parse(dev.metanode.core.receipt.Receipt.parse(envelope).payload()));
        return Json.pretty(root) + "\n";
    }

    /** Parses a bundle; any malformed field gives an {@link IllegalArgumentException} naming it. */
    public static ProofBundle parse(byte[] bytes) {
        if (bytes.length > BUNDLE_BYTES_MAX) {
            throw new IllegalArgumentException("bundle of " + bytes.length + " bytes exceeds " + BUNDLE_BYTES_MAX);
        }
        JsonNode root = Json.parse(bytes);
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("not a Metanode proof bundle (format is not " + FORMAT + ")");
        }
        JsonNode hashes = root.path("inclusionProof");
        if (!hashes.isArray() || hashes.size() > PROOF_HASHES_MAX) {
            throw new IllegalArgumentException("bundle field 'inclusionProof' must be a list of at most "
                    + PROOF_HASHES_MAX + " hashes");
        }
        List<byte[]> proof = new ArrayList<>();
        for (JsonNode h : hashes) {
            proof.add(base64(h, "inclusionProof"));
        }
        JsonNode anchor = root.path("anchor");
        if (!anchor.isMissingNode() && !anchor.isNull() && !anchor.isObject()) {
            throw new IllegalArgumentException("bundle field 'anchor' must be an object");
        }
        return new ProofBundle(text(root, "receiptId"), base64(root.path("envelope"), "envelope"),
                number(root, "leafIndex"), number(root, "treeSize"), proof, text(root, "checkpoint"),
                anchor.isObject() ? anchor : null);
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.path(field);
        if (!node.isTextual()) {
            throw new IllegalArgumentException("bundle field '" + field + "' is missing or not a string");
        }
        return node.asText();
    }

    private static long number(JsonNode root, String field) {
        JsonNode node = root.path(field);
        if (!node.canConvertToLong() || !node.isIntegralNumber() || node.asLong() < 0) {
            throw new IllegalArgumentException("bundle field '" + field + "' must be a non-negative integer");
        }
        return node.asLong();
    }

    private static byte[] base64(JsonNode node, String field) {
        if (!node.isTextual()) {
            throw new IllegalArgumentException("bundle field '" + field + "' must be base64 text");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(node.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bundle field '" + field + "' is not valid base64");
        }
        // Only the canonical encoding is accepted, so no two bundle texts carry the same bytes.
        if (!Base64.getEncoder().encodeToString(bytes).equals(node.asText())) {
            throw new IllegalArgumentException("bundle field '" + field + "' is not canonical base64");
        }
        return bytes;
    }
}

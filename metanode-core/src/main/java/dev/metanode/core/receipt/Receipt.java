package dev.metanode.core.receipt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.core.codec.Json;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A parsed receipt envelope: the signed statement and its signatures. Parsing checks shape
 * only; {@link ReceiptVerifier} checks the signatures.
 */
public record Receipt(String payloadType, byte[] payload, List<Signature> signatures, JsonNode statement) {
    /** Envelopes larger than this are refused before parsing. */
    public static final int ENVELOPE_BYTES_MAX = 1 << 20;

    /** One DSSE signature: key id (the signer's key fingerprint) and the signature bytes. */
    public record Signature(String keyId, byte[] sig) {}

    public static Receipt parse(byte[] envelope) {
        if (envelope.length > ENVELOPE_BYTES_MAX) {
            throw new IllegalArgumentException("receipt envelope of " + envelope.length + " bytes exceeds "
                    + ENVELOPE_BYTES_MAX);
        }
        JsonNode root = Json.parse(envelope);
        String payloadType = text(root, "payloadType");
        byte[] payload = base64(text(root, "payload"), "payload");
        JsonNode sigs = root.get("signatures");
        if (sigs == null || !sigs.isArray() || sigs.isEmpty()) {
            throw new IllegalArgumentException("receipt envelope has no signatures");
        }
        List<Signature> signatures = new ArrayList<>();
        for (JsonNode s : sigs) {
            signatures.add(new Signature(s.path("keyid").asText(""), base64(text(s, "sig"), "sig")));
        }
        JsonNode statement = Json.parse(payload);
        if (!ReceiptSigner.STATEMENT_TYPE.equals(statement.path("_type").asText())) {
            throw new IllegalArgumentException("payload is not an in-toto Statement v1");
        }
        return new Receipt(payloadType, payload, List.copyOf(signatures), statement);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("receipt envelope lacks the string field '" + field + "'");
        }
        return value.asText();
    }

    private static byte[] base64(String text, String field) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("receipt field '" + field + "' is not base64", e);
        }
    }

    public JsonNode predicate() {
        return statement.path("predicate");
    }

    public ReceiptKind kind() {
        return ReceiptKind.fromWire(predicate().path("kind").asText());
    }

    public String operation() {
        return predicate().path("operation").asText();
    }
}

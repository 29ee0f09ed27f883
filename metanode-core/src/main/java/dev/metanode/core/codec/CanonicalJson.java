package dev.metanode.core.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * RFC 8785 (JCS) canonical JSON: everything we sign is signed in this form, so any
 * implementation of the RFC reproduces the exact bytes.
 */
public final class CanonicalJson {
    private CanonicalJson() {}

    public static byte[] encode(Object value) {
        JsonNode tree = value instanceof JsonNode node ? node : Json.mapper().valueToTree(value);
        return CanonicalWriter.write(tree);
    }

    public static byte[] canonicalize(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedUTF8();
        } catch (IOException e) {
            throw new IllegalArgumentException("not canonicalisable JSON: " + e.getMessage(), e);
        }
    }

    public static String encodeToString(Object value) {
        return new String(encode(value), StandardCharsets.UTF_8);
    }
}

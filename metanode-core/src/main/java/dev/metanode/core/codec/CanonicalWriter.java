package dev.metanode.core.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.erdtman.jcs.NumberToJSON;

/**
 * Writes a Jackson tree straight into RFC 8785 form: object members sorted by UTF-16 code
 * units, strings escaped as ECMAScript's JSON.stringify does, numbers in ECMAScript form. It
 * exists because signing every receipt through "serialise, re-parse, re-serialise" cost more
 * than the signature; {@code CanonicalWriterTest} checks it against the reference library.
 */
final class CanonicalWriter {
    /** Integers beyond this are not exactly representable as IEEE doubles, which RFC 8785 uses. */
    private static final long SAFE_INTEGER_MAX = (1L << 53) - 1;

    private final StringBuilder out = new StringBuilder(2048);

    static byte[] write(JsonNode node) {
        CanonicalWriter writer = new CanonicalWriter();
        writer.value(node);
        return writer.out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void value(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> object(node);
            case ARRAY -> array(node);
            case STRING -> string(node.textValue());
            case NUMBER -> number(node);
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case NULL, MISSING -> out.append("null");
            default -> throw new IllegalArgumentException("not JSON: a " + node.getNodeType() + " node");
        }
    }

    private void object(JsonNode node) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            members.add(it.next());
        }
        // String.compareTo orders by UTF-16 code units, exactly what RFC 8785 section 3.2.3 asks.
        members.sort(Map.Entry.comparingByKey());
        out.append('{');
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(members.get(i).getKey());
            out.append(':');
            value(members.get(i).getValue());
        }
        out.append('}');
    }

    private void array(JsonNode node) {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            value(node.get(i));
        }
        out.append(']');
    }

    private void number(JsonNode node) {
        if (node.canConvertToExactIntegral() && node.canConvertToLong()
                && Math.abs(node.longValue()) <= SAFE_INTEGER_MAX) {
            out.append(node.longValue());
            return;
        }
        try {
            out.append(NumberToJSON.serializeNumber(node.doubleValue()));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON number: " + node, e);
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}

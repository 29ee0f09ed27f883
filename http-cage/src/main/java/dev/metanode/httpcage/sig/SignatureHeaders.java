package dev.metanode.httpcage.sig;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the two RFC 9421 headers, a strict subset of RFC 8941 dictionaries: Signature-Input
 * members are inner lists of strings with integer or string parameters; Signature members are byte
 * sequences. Component parameters ({@code ;req}, {@code ;sf}, {@code ;key}...) are refused: the
 * cage signs and verifies plain components only.
 */
public final class SignatureHeaders {
    /** Header value characters accepted; bounds the work per request. */
    public static final int HEADER_CHARS_MAX = 4096;
    /** Signatures (labels) per request. */
    public static final int MEMBERS_MAX = 8;
    /** Covered components per signature. */
    public static final int COMPONENTS_MAX = 32;

    private SignatureHeaders() {}

    public static Map<String, SignatureParams> parseInput(String header) {
        Cursor c = new Cursor(checkLength(header));
        Map<String, SignatureParams> members = new LinkedHashMap<>();
        while (true) {
            c.skipSpaces();
            String label = c.key();
            c.expect('=');
            c.expect('(');
            List<String> components = new ArrayList<>();
            c.skipSpaces();
            while (!c.consume(')')) {
                components.add(c.string());
                if (c.peek() == ';') {
                    throw new StructuredFieldException("component parameters are not supported");
                }
                if (components.size() > COMPONENTS_MAX) {
                    throw new StructuredFieldException("more than " + COMPONENTS_MAX + " components");
                }
                c.skipSpaces();
            }
            Map<String, Object> params = new LinkedHashMap<>();
            while (c.consume(';')) {
                String name = c.key();
                c.expect('=');
                params.put(name, c.peek() == '"' ? c.string() : c.integer());
            }
            addMember(members, label, new SignatureParams(components, params));
            if (!c.nextMember()) {
                return members;
            }
        }
    }

    public static Map<String, byte[]> parseSignature(String header) {
        Cursor c = new Cursor(checkLength(header));
        Map<String, byte[]> members = new LinkedHashMap<>();
        while (true) {
            c.skipSpaces();
            String label = c.key();
            c.expect('=');
            c.expect(':');
            String b64 = c.until(':');
            try {
                addMember(members, label, Base64.getDecoder().decode(b64));
            } catch (IllegalArgumentException e) {
                throw new StructuredFieldException("signature is not base64");
            }
            if (!c.nextMember()) {
                return members;
            }
        }
    }

    private static <V> void addMember(Map<String, V> members, String label, V value) {
        if (members.put(label, value) != null || members.size() > MEMBERS_MAX) {
            throw new StructuredFieldException("duplicate label or more than " + MEMBERS_MAX + " signatures");
        }
    }

    private static String checkLength(String header) {
        if (header == null || header.isEmpty() || header.length() > HEADER_CHARS_MAX) {
            throw new StructuredFieldException("header missing or longer than " + HEADER_CHARS_MAX);
        }
        return header;
    }
}

package dev.metanode.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The fast canonical writer gives byte-for-byte what the RFC 8785 reference library gives. */
class CanonicalWriterTest {
    private static final String ALPHABET = "aZ09 \"\\/\b\f\n\r\t\u0000\u001f\u007f\u00e9\u20ac\u2014\ud83d\ude00\ufffd";

    @Property(tries = 300)
    void matchesTheReferenceCanonicalizer(@ForAll long seed) {
        // The reference library wants an object at the top.
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("v", randomValue(new Random(seed), 0));
        String viaReference = new String(CanonicalJson.canonicalize(Json.write(value)), StandardCharsets.UTF_8);
        String direct = new String(CanonicalJson.encode(value), StandardCharsets.UTF_8);
        assertEquals(viaReference, direct);
    }

    private static Object randomValue(Random r, int depth) {
        int kind = r.nextInt(depth >= 3 ? 6 : 8);
        return switch (kind) {
            case 0 -> randomString(r);
            case 1 -> r.nextLong() >> r.nextInt(64);
            case 2 -> r.nextInt(2000) - 1000;
            case 3 -> switch (r.nextInt(5)) {
                case 0 -> r.nextDouble() * Math.pow(10, r.nextInt(40) - 20);
                case 1 -> -r.nextDouble();
                case 2 -> 1e21;
                case 3 -> 5e-324;
                default -> (double) r.nextInt(100);
            };
            case 4 -> r.nextBoolean();
            case 5 -> null;
            case 6 -> {
                List<Object> list = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    list.add(randomValue(r, depth + 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = r.nextInt(5); i > 0; i--) {
                    map.put(randomString(r), randomValue(r, depth + 1));
                }
                yield map;
            }
        };
    }

    private static String randomString(Random r) {
        StringBuilder s = new StringBuilder();
        for (int i = r.nextInt(8); i > 0; i--) {
            int at = r.nextInt(ALPHABET.length());
            char c = ALPHABET.charAt(at);
            if (Character.isHighSurrogate(c)) {
                s.append(c).append(ALPHABET.charAt(at + 1));
            } else if (!Character.isLowSurrogate(c)) {
                s.append(c);
            }
        }
        return s.toString();
    }
}

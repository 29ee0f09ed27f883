package dev.metanode.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
    @Test
    void sortsKeysAndNormalisesNumbersAsRfc8785Says() {
        // Adapted from RFC 8785 section 3.2.2: property order by UTF-16 code units, ES6 number form.
        String input = "{\"b\": 1.0E2, \"a\": [true, null, \"\\u00e9\"], \"\\u20ac\": 1e-7}";
        String expected = "{\"a\":[true,null,\"é\"],\"b\":100,\"€\":1e-7}";
        assertEquals(expected, new String(CanonicalJson.canonicalize(input), StandardCharsets.UTF_8));
    }

    @Test
    void duplicateKeysAndDeepNestingAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":1,\"a\":2}"));
        assertThrows(IllegalArgumentException.class,
                () -> Json.parse("[".repeat(Json.NESTING_DEPTH_MAX + 5) + "]".repeat(Json.NESTING_DEPTH_MAX + 5)));
    }
}

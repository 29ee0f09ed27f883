package dev.metanode.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The filter comes from a query string anyone can send: parsed or refused, nothing else. */
class EventFilterFuzzTest {

    @Property(tries = 2000)
    void anyQueryIsParsedOrRefusedWithIllegalArgument(@ForAll @StringLength(max = 700) String query) {
        try {
            EventFilter.parse(query);
        } catch (IllegalArgumentException refused) {
            // the only allowed failure
        }
    }

    @Property(tries = 1000)
    void mutatedValidQueriesAreParsedOrRefused(@ForAll @StringLength(max = 20) String noise) {
        for (String query : new String[] {"types=" + noise, "app=" + noise, noise + "&types=block", "types=receipt&app=" + noise}) {
            try {
                EventFilter.parse(query);
            } catch (IllegalArgumentException refused) {
                // the only allowed failure
            }
        }
    }

    @Test
    void parsesTheDocumentedForm() {
        EventFilter filter = EventFilter.parse("types=receipt,block&app=shop");
        assertEquals(Set.of("receipt", "block"), filter.types());
        assertEquals("shop", filter.app());
        assertEquals(EventFilter.ALL, EventFilter.parse(""));
    }

    @Test
    void refusesUnknownTypesKeysAndOverlongInput() {
        assertThrows(IllegalArgumentException.class, () -> EventFilter.parse("types=gossip"));
        assertThrows(IllegalArgumentException.class, () -> EventFilter.parse("since=3"));
        assertThrows(IllegalArgumentException.class, () -> EventFilter.parse("app=../x"));
        assertThrows(IllegalArgumentException.class, () -> EventFilter.parse("app=%zz"));
        assertThrows(IllegalArgumentException.class, () -> EventFilter.parse("types=" + "block,".repeat(200)));
    }
}

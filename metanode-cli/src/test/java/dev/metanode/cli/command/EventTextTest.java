package dev.metanode.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.codec.Json;
import org.junit.jupiter.api.Test;

/** What `metanode events` prints for people: time, type, and the few fields that say what happened. */
class EventTextTest {
    private static String line(String json) {
        return EventText.line(Json.parse(json));
    }

    @Test
    void eachTypeHasAShortSummary() {
        assertEquals("rx_1  action app.deploy  app shop", EventText.summary("receipt",
                Json.parse("{\"id\":\"rx_1\",\"kind\":\"action\",\"operation\":\"app.deploy\",\"app\":\"shop\"}")));
        assertEquals("rx_2  pipeline http.exchanges", EventText.summary("receipt",
                Json.parse("{\"id\":\"rx_2\",\"kind\":\"pipeline\",\"operation\":\"http.exchanges\"}")));
        assertEquals("hello restart  rx_3", EventText.summary("app",
                Json.parse("{\"app\":\"hello\",\"change\":\"restart\",\"receipt\":\"rx_3\"}")));
        assertEquals("size 42  root bWttadKe/qXJVAtP…", EventText.summary("checkpoint",
                Json.parse("{\"origin\":\"o\",\"size\":42,\"root\":\"bWttadKe/qXJVAtPX0j/Kwov6lN2Sq2xmNMmG3ANIyo=\"}")));
        assertEquals("height 17  3 txs  hash 0011223344556677…", EventText.summary("block",
                Json.parse("{\"height\":17,\"txs\":3,\"hash\":\"" + "0011223344556677".repeat(4) + "\",\"time\":1}")));
        assertEquals("5 events dropped: this client read too slowly", EventText.summary("lagged", Json.parse("{\"dropped\":5}")));
        assertEquals("{\"x\":1}", EventText.summary("from-the-future", Json.parse("{\"x\":1}")));
    }

    @Test
    void aLineStartsWithTheTimeAndTheType() {
        String text = line("{\"type\":\"receipt\",\"seq\":4,\"ts\":\"2026-12-03T07:00:00.123Z\","
                + "\"body\":{\"id\":\"rx_9\",\"kind\":\"action\",\"operation\":\"node.start\"}}");
        assertTrue(text.matches("\\d\\d:\\d\\d:\\d\\d\\.123  receipt     rx_9  action node\\.start"), text);
    }
}

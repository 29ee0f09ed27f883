package dev.metanode.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.core.codec.Json;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** One event as a line for people: the local time, the type, and a short summary of its body. */
final class EventText {
    /** Roots and hashes are long; this many characters tell them apart on a screen. */
    static final int DIGEST_CHARS_SHOWN = 16;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private EventText() {}

    static String line(JsonNode event) {
        return String.format("%s  %-10s  %s", time(event.path("ts").asText()), event.path("type").asText(),
                summary(event.path("type").asText(), event.path("body")));
    }

    static String summary(String type, JsonNode body) {
        return switch (type) {
            case "receipt" -> body.path("id").asText() + "  " + body.path("kind").asText() + " "
                    + body.path("operation").asText() + (body.hasNonNull("app") ? "  app " + body.get("app").asText() : "");
            case "app" -> body.path("app").asText() + " " + body.path("change").asText() + "  " + body.path("receipt").asText();
            case "checkpoint" -> "size " + body.path("size").asText() + "  root " + shorten(body.path("root").asText());
            case "block" -> "height " + body.path("height").asText() + "  " + body.path("txs").asText() + " txs  hash "
                    + shorten(body.path("hash").asText());
            case "lagged" -> body.path("dropped").asText() + " events dropped: this client read too slowly";
            default -> Json.write(body); // a type newer than this CLI: show what it says
        };
    }

    private static String time(String ts) {
        try {
            return TIME.format(Instant.parse(ts));
        } catch (DateTimeParseException e) {
            return ts;
        }
    }

    private static String shorten(String digest) {
        return digest.length() <= DIGEST_CHARS_SHOWN ? digest : digest.substring(0, DIGEST_CHARS_SHOWN) + "…";
    }
}

package dev.metanode.httpcage.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http2.Http2Settings;
import org.junit.jupiter.api.Test;

/** The HTTP2-Settings header: what real clients send decodes; anything else is no settings. */
class Http2SettingsHeaderTest {
    @Test
    void curlsSettingsDecode() {
        Http2Settings s = Http2SettingsHeader.decode("AAMAAABkAAQCAAAAAAIAAAAA").orElseThrow();
        assertEquals(100L, s.maxConcurrentStreams());
        assertEquals(32 * 1024 * 1024, s.initialWindowSize());
        assertEquals(Boolean.FALSE, s.pushEnabled());
    }

    @Test
    void emptySettingsArePermitted() {
        assertTrue(Http2SettingsHeader.decode("").orElseThrow().isEmpty());
    }

    @Test
    void paddingIsRefused() {
        // Whole settings are multiples of 3 bytes: their base64url never needs '=', and the RFC omits it.
        assertTrue(Http2SettingsHeader.decode("AAMAAABk==").isEmpty());
        assertTrue(Http2SettingsHeader.decode("AAMAAABk=").isEmpty());
    }

    @Test
    void unknownSettingsAreKeptLikeInASettingsFrame() {
        // identifier 0x00ff, value 7: unknown to RFC 7540, which says to ignore it, not to refuse it
        assertEquals(7L, Http2SettingsHeader.decode("AP8AAAAH").orElseThrow().get((char) 0xff));
    }

    @Test
    void refusals() {
        assertTrue(Http2SettingsHeader.decode(null).isEmpty(), "missing");
        assertTrue(Http2SettingsHeader.decode("AAMAAABk+AQC").isEmpty(), "'+' is base64, not base64url");
        assertTrue(Http2SettingsHeader.decode("AAMA AABk").isEmpty(), "whitespace");
        assertTrue(Http2SettingsHeader.decode("AAMAAA").isEmpty(), "4 bytes: not whole settings");
        assertTrue(Http2SettingsHeader.decode("AAMAAABkAA").isEmpty(), "7 bytes");
        assertTrue(Http2SettingsHeader.decode("A").isEmpty(), "not base64 at all");
        assertTrue(Http2SettingsHeader.decode("AAIAAAAC").isEmpty(), "ENABLE_PUSH 2");
        assertTrue(Http2SettingsHeader.decode("AAT_____").isEmpty(), "INITIAL_WINDOW_SIZE above 2^31-1");
        assertTrue(Http2SettingsHeader.decode("AAUAAAAA").isEmpty(), "MAX_FRAME_SIZE 0");
        assertTrue(Http2SettingsHeader.decode("AAAAAAAA".repeat(Http2SettingsHeader.HEADER_CHARS_MAX / 8 + 1)).isEmpty(),
                "longer than the limit");
    }
}

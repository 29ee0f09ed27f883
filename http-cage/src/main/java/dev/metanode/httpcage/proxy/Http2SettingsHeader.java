package dev.metanode.httpcage.proxy;

import io.netty.handler.codec.http2.Http2Settings;
import java.util.Base64;
import java.util.Optional;

/**
 * Decodes the {@code HTTP2-Settings} header of an h2c upgrade (RFC 7540 section 3.2.1): the payload
 * of a SETTINGS frame, base64url. Strict, because a header the cage cannot read means it does not
 * upgrade: characters outside the base64url alphabet, a payload that is not whole settings, a value
 * outside its setting's range (Netty's {@link Http2Settings} checks those) or an over-long header
 * give no settings. Whole settings are multiples of 3 bytes, so their base64url has no {@code =}
 * padding to omit.
 */
final class Http2SettingsHeader {
    /** One setting on the wire: a 16-bit identifier, then a 32-bit value. */
    static final int SETTING_BYTES = 6;
    /** Far beyond what clients send (curl: 24 characters); 1,024 characters carry 128 settings. */
    static final int HEADER_CHARS_MAX = 1024;

    private Http2SettingsHeader() {}

    /** The client's settings, or empty when the header is not a valid HTTP2-Settings value. */
    static Optional<Http2Settings> decode(String header) {
        if (header == null || header.length() > HEADER_CHARS_MAX) {
            return Optional.empty();
        }
        byte[] payload;
        try {
            payload = Base64.getUrlDecoder().decode(header);
        } catch (IllegalArgumentException notBase64url) {
            return Optional.empty();
        }
        if (payload.length % SETTING_BYTES != 0) {
            return Optional.empty();
        }
        Http2Settings settings = new Http2Settings();
        for (int at = 0; at < payload.length; at += SETTING_BYTES) {
            char id = (char) ((payload[at] & 0xff) << 8 | payload[at + 1] & 0xff);
            long value = (payload[at + 2] & 0xffL) << 24 | (payload[at + 3] & 0xffL) << 16
                    | (payload[at + 4] & 0xffL) << 8 | payload[at + 5] & 0xffL;
            try {
                settings.put(id, Long.valueOf(value));
            } catch (IllegalArgumentException outOfRange) {
                return Optional.empty();
            }
        }
        return Optional.of(settings);
    }
}

package dev.metanode.httpcage.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http2.Http2Settings;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * Any client writes HTTP2-Settings. Whatever the text, {@link Http2SettingsHeader#decode} returns
 * settings or nothing and never throws; what it accepts is exactly whole settings whose values are
 * in range (an oracle written from RFC 7540 section 6.5.2 and RFC 8441, not from the decoder).
 */
class Http2SettingsHeaderFuzzTest {
    private static final long UINT32_MAX = 0xffff_ffffL;

    /** One setting on the wire. */
    record Setting(int id, long value) {}

    @Property(tries = 2000)
    void anyTextDecodesOrIsRefused(@ForAll @StringLength(max = 1200) String text) {
        Optional<Http2Settings> settings = Http2SettingsHeader.decode(text);
        settings.ifPresent(s -> assertTrue(text.length() <= Http2SettingsHeader.HEADER_CHARS_MAX, text));
    }

    @Property(tries = 2000)
    void base64urlTextIsAcceptedOnlyAsWholeSettings(@ForAll("base64urlText") String text) {
        Optional<Http2Settings> settings = Http2SettingsHeader.decode(text);
        if (settings.isPresent()) {
            assertEquals(0, Base64.getUrlDecoder().decode(text).length % Http2SettingsHeader.SETTING_BYTES, text);
        }
    }

    @Property(tries = 2000)
    void anyPayloadIsAcceptedExactlyWhenTheOracleSaysSo(@ForAll("payloads") byte[] payload) {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
        assertEquals(oracleAccepts(payload), Http2SettingsHeader.decode(header).isPresent(), header);
    }

    @Property(tries = 1000)
    void acceptedSettingsRoundTrip(@ForAll("validSettings") List<Setting> sent) {
        ByteBuffer payload = ByteBuffer.allocate(sent.size() * Http2SettingsHeader.SETTING_BYTES);
        Map<Character, Long> last = new HashMap<>();
        for (Setting s : sent) {
            payload.putShort((short) s.id()).putInt((int) s.value());
            last.put((char) s.id(), s.value()); // a repeated setting: the last one counts, as in a SETTINGS frame
        }
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.array());
        Http2Settings decoded = Http2SettingsHeader.decode(header).orElseThrow();
        assertEquals(last.size(), decoded.size());
        last.forEach((id, value) -> assertEquals(value, decoded.get(id), "setting " + (int) id));
    }

    @Property(tries = 1000)
    void aMutatedRealValueNeverThrows(@ForAll @IntRange(min = 0, max = 23) int at, @ForAll char replacement) {
        StringBuilder text = new StringBuilder("AAMAAABkAAQCAAAAAAIAAAAA");
        text.setCharAt(at, replacement);
        Http2SettingsHeader.decode(text.toString());
    }

    @Provide
    Arbitrary<String> base64urlText() {
        return Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
                .ofMaxLength(64);
    }

    @Provide
    Arbitrary<byte[]> payloads() {
        Arbitrary<byte[]> anyBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
        Arbitrary<byte[]> wholeSettings = settings(ids(), values()).list().ofMaxSize(6).map(Http2SettingsHeaderFuzzTest::bytes);
        return Arbitraries.oneOf(anyBytes, wholeSettings);
    }

    @Provide
    Arbitrary<List<Setting>> validSettings() {
        return settings(ids(), values()).filter(s -> inRange(s.id(), s.value())).list().ofMaxSize(8);
    }

    private static Arbitrary<Setting> settings(Arbitrary<Integer> ids, Arbitrary<Long> values) {
        return Combinators.combine(ids, values).as(Setting::new);
    }

    /** The defined identifiers (1-6, 8), their neighbours, and anything else. */
    private static Arbitrary<Integer> ids() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(0, 10)),
                Tuple.of(1, Arbitraries.integers().between(0, 0xffff)));
    }

    /** The edges of every range, and anything else. */
    private static Arbitrary<Long> values() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(0L, 1L, 2L, 16_383L, 16_384L, 16_777_215L, 16_777_216L,
                        2_147_483_647L, 2_147_483_648L, UINT32_MAX)),
                Tuple.of(1, Arbitraries.longs().between(0, UINT32_MAX)));
    }

    private static byte[] bytes(List<Setting> settings) {
        ByteBuffer out = ByteBuffer.allocate(settings.size() * Http2SettingsHeader.SETTING_BYTES);
        settings.forEach(s -> out.putShort((short) s.id()).putInt((int) s.value()));
        return out.array();
    }

    private static boolean oracleAccepts(byte[] payload) {
        if (payload.length % Http2SettingsHeader.SETTING_BYTES != 0) {
            return false;
        }
        ByteBuffer in = ByteBuffer.wrap(payload);
        while (in.hasRemaining()) {
            int id = in.getShort() & 0xffff;
            long value = in.getInt() & UINT32_MAX;
            if (!inRange(id, value)) {
                return false;
            }
        }
        return true;
    }

    /** RFC 7540 6.5.2 (ENABLE_PUSH, INITIAL_WINDOW_SIZE, MAX_FRAME_SIZE) and RFC 8441 (ENABLE_CONNECT_PROTOCOL). */
    private static boolean inRange(int id, long value) {
        return switch (id) {
            case 2, 8 -> value <= 1;
            case 4 -> value <= Integer.MAX_VALUE;
            case 5 -> value >= 16_384 && value <= 16_777_215;
            default -> true; // the other defined settings take any 32-bit value; unknown ones are ignored
        };
    }
}

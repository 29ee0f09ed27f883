package dev.metanode.httpcage.notary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.metanode.core.codec.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written encoder gives exactly the bytes of the generic RFC 8785 encoder. */
class ExchangeRecordTest {
    private static final String ALPHABET = "aZ09/._-\"\\\u0000\u0001\u001f\u007f\b\f\n\r\t é€\u2028😀<>&'";

    static String text(Random random, int max) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(max + 1); i > 0; i--) {
            int at = random.nextInt(ALPHABET.length());
            char c = ALPHABET.charAt(at);
            s.append(Character.isHighSurrogate(c) ? ALPHABET.substring(at, at + 2) : Character.isLowSurrogate(c) ? "x"
                    : String.valueOf(c));
        }
        return s.toString();
    }

    @Test
    void matchesTheGenericCanonicalEncoder() {
        Random random = new Random(9421);
        for (int i = 0; i < 2_000; i++) {
            Map<String, Object> decisions = new LinkedHashMap<>();
            for (int d = random.nextInt(5); d > 0; d--) {
                Object value = switch (random.nextInt(4)) {
                    case 0 -> text(random, 8);
                    case 1 -> random.nextBoolean();
                    case 2 -> random.nextInt();
                    default -> random.nextLong() >> 12;
                };
                decisions.put(text(random, 6), value);
            }
            byte[] req = new byte[32];
            random.nextBytes(req);
            byte[] resp = random.nextBoolean() ? null : new byte[32];
            PipelineRecord r = new PipelineRecord(text(random, 10), text(random, 7), text(random, 30),
                    random.nextInt(600), random.nextLong(1L << 40), req, resp, random.nextLong(1L << 40), random.nextInt(),
                    random.nextBoolean() ? null : text(random, 12), random.nextBoolean() ? null : text(random, 12),
                    text(random, 15), decisions);
            long seq = random.nextLong(1L << 50);
            long ended = random.nextLong(1L << 45);
            assertEquals(new String(generic(r, seq, ended), StandardCharsets.UTF_8),
                    new String(ExchangeRecord.encode(r, seq, ended), StandardCharsets.UTF_8));
        }
    }

    private static byte[] generic(PipelineRecord r, long seq, long endedMs) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("v", ExchangeRecord.VERSION);
        out.put("seq", seq);
        out.put("ended", endedMs);
        out.put("app", r.app());
        out.put("actor", r.principal() != null ? r.principal() : "anonymous");
        out.put("client", r.clientAddress());
        out.put("method", r.method());
        out.put("path", r.path());
        out.put("status", r.status());
        out.put("latencyMicros", r.latencyMicros());
        out.put("request", message(r.requestSha256(), r.requestBodyBytes()));
        out.put("response", message(r.responseSha256(), r.responseBodyBytes()));
        if (r.signatureKeyId() != null) {
            out.put("signatureKeyId", r.signatureKeyId());
        }
        out.put("policy", r.decisions());
        return CanonicalJson.encode(out);
    }

    private static Map<String, Object> message(byte[] sha256, long bodyBytes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sha256", sha256 == null ? null : HexFormat.of().formatHex(sha256));
        m.put("bodyBytes", bodyBytes);
        return m;
    }
}

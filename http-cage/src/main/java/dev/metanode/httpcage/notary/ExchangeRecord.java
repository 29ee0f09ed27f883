package dev.metanode.httpcage.notary;

import dev.metanode.core.codec.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * One exchange as it is notarised: the RFC 8785 canonical JSON of its {@link PipelineRecord}, with
 * the cage's sequence number and the time it ended. These bytes are a leaf of the batch tree
 * (RFC 9162 leaf hash), so anyone holding them and the inclusion path can check them against the
 * batch's signed pipeline receipt.
 *
 * <p>Written by hand rather than through a JSON tree: this runs once per exchange on the notary's
 * thread, and the generic path cost several times more than the rest of notarisation together.
 * The output is byte-identical to {@link CanonicalJson#encode} (a test checks it): keys in
 * UTF-16 order, integers plain, strings with RFC 8785's minimal escaping.
 */
public final class ExchangeRecord {
    /** The {@code v} field: the record format. */
    public static final int VERSION = 1;
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** One builder per notary thread, sized for a typical record (~450 chars), so none grows per call. */
    private static final ThreadLocal<StringBuilder> BUILDER = ThreadLocal.withInitial(() -> new StringBuilder(1024));

    private ExchangeRecord() {}

    /**
     * @param seq      the cage's count of exchanges since it started (orders exchanges within a batch)
     * @param endedMs  epoch milliseconds when the exchange ended
     */
    public static byte[] encode(PipelineRecord r, long seq, long endedMs) {
        StringBuilder out = BUILDER.get();
        out.setLength(0);
        // Keys in sorted order: actor app client ended latencyMicros method path policy request response
        // seq signatureKeyId status v.
        out.append("{\"actor\":");
        string(out, r.principal() != null ? r.principal() : "anonymous");
        out.append(",\"app\":");
        string(out, r.app());
        out.append(",\"client\":");
        string(out, r.clientAddress());
        out.append(",\"ended\":").append(endedMs);
        out.append(",\"latencyMicros\":").append(r.latencyMicros());
        out.append(",\"method\":");
        string(out, r.method());
        out.append(",\"path\":");
        string(out, r.path());
        out.append(",\"policy\":");
        policy(out, r.decisions());
        out.append(",\"request\":");
        message(out, r.requestSha256(), r.requestBodyBytes());
        out.append(",\"response\":");
        message(out, r.responseSha256(), r.responseBodyBytes());
        out.append(",\"seq\":").append(seq);
        if (r.signatureKeyId() != null) {
            out.append(",\"signatureKeyId\":");
            string(out, r.signatureKeyId());
        }
        out.append(",\"status\":").append(r.status());
        out.append(",\"v\":").append(VERSION).append('}');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void message(StringBuilder out, byte[] sha256, long bodyBytes) {
        out.append("{\"bodyBytes\":").append(bodyBytes).append(",\"sha256\":");
        if (sha256 == null || sha256.length == 0) {
            out.append("null");
        } else {
            out.append('"');
            for (byte b : sha256) {
                out.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
            out.append('"');
        }
        out.append('}');
    }

    /** Decisions are strings, booleans and small integers; anything else takes the generic path. */
    private static void policy(StringBuilder out, Map<String, Object> decisions) {
        out.append('{');
        boolean first = true;
        String[] keys = decisions.keySet().toArray(new String[0]);
        Arrays.sort(keys); // String order is UTF-16 code-unit order, as RFC 8785 wants
        for (String key : keys) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, key);
            out.append(':');
            Object v = decisions.get(key);
            if (v instanceof String s) {
                string(out, s);
            } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long && Math.abs((Long) v) < (1L << 53)) {
                out.append(v);
            } else {
                out.append(CanonicalJson.encodeToString(v));
            }
        }
        out.append('}');
    }

    /** RFC 8785 §3.2.2.2: escape only '"', '\\' and control characters, short forms where JSON has them. */
    static void string(StringBuilder out, String s) {
        out.append('"');
        if (!needsEscaping(s)) {
            out.append(s).append('"'); // the common case: one bulk copy
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean needsEscaping(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return true;
            }
        }
        return false;
    }
}

package dev.metanode.httpcage.notary;

import dev.metanode.core.codec.CanonicalJson;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One exchange as it is notarised: the RFC 8785 canonical JSON of its {@link PipelineRecord}, with
 * the cage's sequence number and the time it ended. These bytes are a leaf of the batch tree
 * (RFC 9162 leaf hash), so anyone holding them and the inclusion path can check them against the
 * batch's signed pipeline receipt.
 */
public final class ExchangeRecord {
    /** The {@code v} field: the record format. */
    public static final int VERSION = 1;

    private ExchangeRecord() {}

    /**
     * @param seq      the cage's count of exchanges since it started (orders exchanges within a batch)
     * @param endedMs  epoch milliseconds when the exchange ended
     */
    public static byte[] encode(PipelineRecord r, long seq, long endedMs) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("v", VERSION);
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
        m.put("sha256", sha256 == null || sha256.length == 0 ? null : HexFormat.of().formatHex(sha256));
        m.put("bodyBytes", bodyBytes);
        return m;
    }
}

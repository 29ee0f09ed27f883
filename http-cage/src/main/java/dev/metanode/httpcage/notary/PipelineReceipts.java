package dev.metanode.httpcage.notary;

import dev.metanode.core.receipt.ReceiptDraft;
import dev.metanode.core.receipt.ReceiptKind;
import dev.metanode.core.receipt.Subject;

/** Turns a {@link PipelineRecord} into a {@code pipeline} receipt draft: operation {@code http.exchange}. */
public final class PipelineReceipts {
    public static final String OPERATION = "http.exchange";
    public static final String REQUEST_SUBJECT = "http.request";
    public static final String RESPONSE_SUBJECT = "http.response";

    private PipelineReceipts() {}

    public static ReceiptDraft draft(PipelineRecord r) {
        String actor = r.principal() != null ? r.principal() : "anonymous";
        ReceiptDraft.Builder b = ReceiptDraft.builder(ReceiptKind.PIPELINE, actor, OPERATION)
                .subject(Subject.of(REQUEST_SUBJECT, r.requestSha256()))
                .input("app", r.app())
                .input("method", r.method())
                .input("path", r.path())
                .input("client", r.clientAddress())
                .input("bodyBytes", r.requestBodyBytes())
                .result("status", r.status())
                .result("bodyBytes", r.responseBodyBytes())
                .resource("latencyMicros", r.latencyMicros());
        if (r.responseSha256() != null) {
            b.subject(Subject.of(RESPONSE_SUBJECT, r.responseSha256()));
        }
        if (r.signatureKeyId() != null) {
            b.input("signatureKeyId", r.signatureKeyId());
        }
        r.decisions().forEach(b::policy);
        return b.build();
    }
}

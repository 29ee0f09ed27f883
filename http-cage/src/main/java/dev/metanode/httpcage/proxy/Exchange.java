package dev.metanode.httpcage.proxy;

import dev.metanode.httpcage.GateDecision;
import dev.metanode.httpcage.notary.MessageDigester;
import dev.metanode.httpcage.notary.PipelineRecord;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import java.util.HashMap;
import java.util.Map;

/** One request/response pair in flight on a front connection. Event-loop confined. */
final class Exchange {
    final HttpRequest head;
    final String method;
    final String path;
    final long startNanos;
    final MessageDigester request;
    final boolean keepAlive;
    /** A WebSocket upgrade: after the app's 101 the connection becomes a byte relay. */
    final boolean upgrade;
    /** Asks for HTTP/2 by Upgrade: h2c, which the cage itself may take up ({@link H2cUpgrade}). */
    final boolean h2c;
    String app = "_unrouted";
    GateDecision decision;
    BodyCheck bodyCheck;
    boolean reserved;
    boolean requestDone;
    boolean responseStarted;
    boolean skipNextLast;
    boolean closeAfter;
    boolean retireBackend;
    boolean finished;
    int status;
    MessageDigester response;
    final Map<String, Object> notes = new HashMap<>(4);

    final boolean hashing;

    /** @param hashing digest the messages (only worth it when a notary will receipt them) */
    Exchange(HttpRequest head, long startNanos, boolean hashing) {
        this.hashing = hashing;
        this.head = head;
        this.method = head.method().name();
        String uri = head.uri();
        int q = uri.indexOf('?');
        this.path = q < 0 ? uri : uri.substring(0, q);
        this.startNanos = startNanos;
        this.request = hashing
                ? new MessageDigester(head.method() + " " + uri + " " + head.protocolVersion(),
                        head.headers()::iteratorCharSequence)
                : MessageDigester.counting();
        this.keepAlive = HttpUtil.isKeepAlive(head);
        boolean asksUpgrade = HopHeaders.asksUpgrade(head.headers());
        this.upgrade = asksUpgrade && HopHeaders.isWebSocket(head.headers());
        this.h2c = asksUpgrade && !upgrade && H2cUpgrade.isAsked(head.headers());
    }

    PipelineRecord record(long endNanos, String clientAddress) {
        String principal = decision == null ? null : decision.principal();
        String keyId = decision == null ? null : decision.signatureKeyId();
        Map<String, Object> decisions;
        if (decision != null && decision.allowed() && notes.isEmpty()) {
            decisions = decision.decisions(); // the common case: immutable already, no copy needed
        } else {
            decisions = new HashMap<>();
            if (decision != null) {
                decisions.putAll(decision.decisions());
                if (!decision.allowed()) {
                    decisions.put("refused", decision.reason());
                }
            }
            decisions.putAll(notes);
        }
        return new PipelineRecord(app, method, path, status, (endNanos - startNanos) / 1000, request.finish(),
                response == null ? null : response.finish(), request.bodyBytes(),
                response == null ? 0 : response.bodyBytes(), principal, keyId, clientAddress, decisions);
    }
}

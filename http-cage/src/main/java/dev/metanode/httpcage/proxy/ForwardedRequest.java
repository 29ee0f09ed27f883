package dev.metanode.httpcage.proxy;

import dev.metanode.httpcage.GateDecision;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;

/** The request head the app sees: hop-by-hop headers gone, forwarding headers and the verified principal added. */
final class ForwardedRequest {
    /** Headers only the cage may set; a client sending them is ignored, never believed. */
    static final String PRINCIPAL = "x-metanode-principal";
    static final String ROLE = "x-metanode-role";
    static final String SIGNATURE_KEY_ID = "x-metanode-signature-keyid";

    private ForwardedRequest() {}

    /** @param apiBearer for the daemon's API: the credential replacing the client's, else null */
    static HttpRequest of(HttpRequest head, boolean upgrade, GateDecision decision, String client, String scheme,
            String apiBearer) {
        HttpHeaders headers = new DefaultHttpHeaders().add(head.headers());
        HopHeaders.strip(headers, upgrade);
        headers.remove(PRINCIPAL);
        headers.remove(ROLE);
        headers.remove(SIGNATURE_KEY_ID);
        if (decision.principal() != null) {
            // The cage consumed the credential; an app must never see another party's token.
            headers.remove(HttpHeaderNames.AUTHORIZATION);
            headers.set(PRINCIPAL, decision.principal());
            headers.set(ROLE, decision.role());
            if (apiBearer != null) {
                headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + apiBearer);
            }
        }
        if (decision.signatureKeyId() != null) {
            headers.set(SIGNATURE_KEY_ID, decision.signatureKeyId());
        }
        headers.set("x-forwarded-for", client); // the cage is the edge: a client-sent chain is not trusted
        headers.set("x-forwarded-proto", scheme);
        headers.set("x-forwarded-host", head.headers().get(HttpHeaderNames.HOST, ""));
        return new DefaultHttpRequest(HttpVersion.HTTP_1_1, head.method(), head.uri(), headers);
    }
}

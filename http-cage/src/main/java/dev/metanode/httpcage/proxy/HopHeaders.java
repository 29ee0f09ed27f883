package dev.metanode.httpcage.proxy;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.util.ArrayList;
import java.util.List;

/** Hop-by-hop headers (RFC 9110 section 7.6.1) belong to one connection and must not be forwarded. */
final class HopHeaders {
    private static final AsciiString[] ALWAYS = {HttpHeaderNames.KEEP_ALIVE, HttpHeaderNames.PROXY_CONNECTION,
        HttpHeaderNames.TE, HttpHeaderNames.TRAILER, HttpHeaderNames.PROXY_AUTHORIZATION,
        HttpHeaderNames.PROXY_AUTHENTICATE};

    private HopHeaders() {}

    /** Removes hop-by-hop headers; keeps Connection/Upgrade only for a WebSocket upgrade. */
    static void strip(HttpHeaders headers, boolean upgrade) {
        List<String> named = new ArrayList<>();
        for (String value : headers.getAll(HttpHeaderNames.CONNECTION)) {
            for (String token : value.split(",")) {
                String name = token.trim();
                if (!name.isEmpty() && !(upgrade && name.equalsIgnoreCase("upgrade"))) {
                    named.add(name);
                }
            }
        }
        for (String name : named) {
            headers.remove(name);
        }
        for (AsciiString name : ALWAYS) {
            headers.remove(name);
        }
        if (upgrade) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderNames.UPGRADE);
        } else {
            headers.remove(HttpHeaderNames.CONNECTION);
            headers.remove(HttpHeaderNames.UPGRADE);
        }
    }

    /** Whether Connection names "upgrade": the one look-up a request pays for upgrades of any kind. */
    static boolean asksUpgrade(HttpHeaders headers) {
        return headers.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderNames.UPGRADE, true);
    }

    /** Whether Upgrade is websocket; asked only once {@link #asksUpgrade} said yes. */
    static boolean isWebSocket(HttpHeaders headers) {
        return headers.contains(HttpHeaderNames.UPGRADE, "websocket", true);
    }
}

package dev.metanode.httpcage.sig;

import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.kernel.Clock;
import dev.metanode.httpcage.proxy.ResponseStamp;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signs every response with the cage's Ed25519 key (RFC 9421, label {@value #LABEL}), so a client
 * can show a third party what the server said. Covers {@code @status} and whichever of
 * content-type, content-length and content-digest the response has; the body itself is covered
 * only through a Content-Digest the app sets, since the head leaves before the body is seen. The
 * pipeline receipt's response subject covers the body in every case.
 */
public final class ResponseSigner implements ResponseStamp {
    public static final String LABEL = "cage";
    public static final String TAG = "metanode-cage";
    private static final List<String> OPTIONAL = List.of("content-type", "content-length", "content-digest");

    private final SigningKey key;
    private final String keyId;
    private final Clock clock;

    public ResponseSigner(SigningKey key, Clock clock) {
        this.key = key;
        this.keyId = key.publicKey().fingerprint();
        this.clock = clock;
    }

    public String keyId() {
        return keyId;
    }

    @Override
    public void stamp(HttpRequest request, HttpResponse response) {
        List<String> components = new ArrayList<>(List.of("@status"));
        for (String name : OPTIONAL) {
            if (response.headers().contains(name)) {
                components.add(name);
            }
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("created", clock.millis() / 1000);
        params.put("keyid", keyId);
        params.put("alg", "ed25519");
        params.put("tag", TAG);
        SignatureParams signed = new SignatureParams(components, params);
        Components values = name -> name.equals("@status")
                ? Optional.of(Integer.toString(response.status().code()))
                : Optional.ofNullable(response.headers().getAll(name)).filter(v -> !v.isEmpty())
                        .map(v -> String.join(", ", v.stream().map(String::strip).toList()));
        byte[] base = SignatureBase.build(signed, values).getBytes(StandardCharsets.UTF_8);
        response.headers().set("signature-input", LABEL + "=" + signed.serialize());
        response.headers().set("signature", LABEL + "=:" + Base64.getEncoder().encodeToString(key.sign(base)) + ":");
    }
}

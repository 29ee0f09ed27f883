package dev.metanode.httpcage.sig;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One member of a Signature-Input dictionary (RFC 9421 section 4.1): the covered component
 * identifiers in order and the signature parameters in order. {@link #serialize()} gives the
 * RFC 8941 inner-list form used as the value of {@code @signature-params}.
 *
 * @param components covered component identifiers, each the bare name (e.g. {@code @method}, {@code content-type})
 * @param params     parameter name to value: {@link Long} for integers, {@link String} for strings
 */
public record SignatureParams(List<String> components, Map<String, Object> params) {
    public SignatureParams {
        components = List.copyOf(components);
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }

    public Optional<Long> longParam(String name) {
        return params.get(name) instanceof Long l ? Optional.of(l) : Optional.empty();
    }

    public Optional<String> stringParam(String name) {
        return params.get(name) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    public String serialize() {
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < components.size(); i++) {
            out.append(i == 0 ? "" : " ").append('"').append(components.get(i)).append('"');
        }
        out.append(')');
        params.forEach((name, value) -> {
            out.append(';').append(name).append('=');
            if (value instanceof String s) {
                out.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                out.append(value);
            }
        });
        return out.toString();
    }
}

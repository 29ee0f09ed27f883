package dev.metanode.httpcage.sig;

import java.util.HashSet;
import java.util.Set;

/**
 * Builds the signature base of RFC 9421 section 2.5: one line {@code "name": value} per covered
 * component, in order, then the {@code "@signature-params"} line, lines joined by LF with no
 * trailing LF. Pure, so it is tested against the RFC's vectors directly.
 */
public final class SignatureBase {
    private SignatureBase() {}

    public static String build(SignatureParams params, Components message) {
        StringBuilder base = new StringBuilder(256);
        Set<String> seen = new HashSet<>();
        for (String component : params.components()) {
            if (!seen.add(component)) {
                throw new StructuredFieldException("component covered twice: " + component);
            }
            if (component.equals("@signature-params") || !component.equals(component.toLowerCase(java.util.Locale.ROOT))) {
                throw new StructuredFieldException("component not allowed: " + component);
            }
            String value = message.value(component)
                    .orElseThrow(() -> new StructuredFieldException("message lacks covered component " + component));
            base.append('"').append(component).append("\": ").append(value).append('\n');
        }
        base.append("\"@signature-params\": ").append(params.serialize());
        return base.toString();
    }
}

package dev.metanode.httpcage.sig;

import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * A Content-Digest header value (RFC 9530): {@code sha-256=:b64:} or {@code sha-512=:b64:}. The
 * cage checks the body against it while streaming, before the body's last piece reaches the app.
 *
 * @param algorithm the JCA name, "SHA-256" or "SHA-512"
 * @param digest    the expected digest
 */
public record ContentDigest(String algorithm, byte[] digest) {
    /** The first member with an algorithm the cage supports. */
    public static Optional<ContentDigest> parse(String header) {
        if (header == null || header.length() > SignatureHeaders.HEADER_CHARS_MAX) {
            return Optional.empty();
        }
        for (String member : header.split(",")) {
            String m = member.strip();
            int eq = m.indexOf('=');
            if (eq < 0 || !m.endsWith(":") || m.length() < eq + 3 || m.charAt(eq + 1) != ':') {
                continue;
            }
            String alg = switch (m.substring(0, eq).toLowerCase(Locale.ROOT)) {
                case "sha-256" -> "SHA-256";
                case "sha-512" -> "SHA-512";
                default -> null;
            };
            if (alg != null) {
                try {
                    return Optional.of(new ContentDigest(alg, Base64.getDecoder().decode(m.substring(eq + 2, m.length() - 1))));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}

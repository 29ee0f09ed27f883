package dev.metanode.httpcage.policy;

import java.util.Objects;

/**
 * One data-flow rule. A field of {@code "*"} matches anything (including absent); otherwise it
 * must equal the request's value, case-insensitively.
 *
 * @param dataClass   e.g. public, internal, personal, health
 * @param region      e.g. eu, us, ch
 * @param pathPrefix  request path prefix ("/" for all)
 * @param light       what happens on a match
 * @param legalBlock  for red: refuse with 451 (legal reasons) instead of 403
 * @param name        rule name for the receipt
 */
public record FlowRule(String dataClass, String region, String pathPrefix, Light light, boolean legalBlock,
        String name) {
    public FlowRule {
        Objects.requireNonNull(dataClass, "dataClass");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        Objects.requireNonNull(light, "light");
        Objects.requireNonNull(name, "name");
    }

    boolean matches(String requestClass, String requestRegion, String path) {
        return field(dataClass, requestClass) && field(region, requestRegion) && path.startsWith(pathPrefix);
    }

    private static boolean field(String rule, String value) {
        return rule.equals("*") || (value != null && rule.equalsIgnoreCase(value));
    }
}

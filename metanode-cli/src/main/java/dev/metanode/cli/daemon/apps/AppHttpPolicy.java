package dev.metanode.cli.daemon.apps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.httpcage.AppPolicy;
import dev.metanode.httpcage.auth.AuthMode;
import dev.metanode.httpcage.auth.AuthPolicy;
import dev.metanode.httpcage.auth.Role;
import dev.metanode.httpcage.policy.DataFlowPolicy;
import dev.metanode.httpcage.policy.FlowRule;
import dev.metanode.httpcage.policy.Light;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code http:} section of an app's {@code metanode.yaml}: what the HTTP cage enforces in front
 * of the app. Strict: unknown keys, wrong types and unknown values are refused with the key's path.
 *
 * <pre>
 * http:
 *   auth: api-key            # none (default) | api-key | jwt | api-key-or-jwt
 *   role: viewer             # the role a credential needs (default viewer)
 *   require-signature: true  # RFC 9421 Ed25519 request signatures (default false)
 *   rate-limit: 100          # requests per second for the whole app (default: the cage's)
 *   sign-responses: true     # RFC 9421 signature on every response (default false: the
 *                            # notarised exchange record proves the response digest anyway)
 *   policy:                  # traffic-light data-flow rules, first match wins
 *     default: green         # green (default) | yellow | red
 *     rules:
 *       - {name: no-health-outside-eu, data-class: health, region: "*", light: red, legal: true}
 *       - {name: personal, data-class: personal, path: /export, light: yellow}
 * </pre>
 */
final class AppHttpPolicy {
    /** An app may not ask the cage for more than this; the cage's own per-client limits still apply. */
    static final int RATE_LIMIT_PER_SECOND_MAX = 1_000_000;
    static final int NAME_CHARS_MAX = 64;
    static final int FIELD_CHARS_MAX = 64;
    static final int PATH_CHARS_MAX = 1024;
    private static final Set<String> KEYS = Set.of("auth", "role", "require-signature", "rate-limit", "policy",
            "sign-responses");
    /** An app without an http section: open, unsigned responses, every exchange notarised. */
    static final AppPolicy DEFAULT = new AppPolicy(AuthPolicy.OPEN, false, DataFlowPolicy.ALLOW_ALL, 0, false);
    private static final Set<String> POLICY_KEYS = Set.of("default", "rules");
    private static final Set<String> RULE_KEYS = Set.of("name", "data-class", "region", "path", "light", "legal");
    private static final Map<String, AuthMode> MODES = Map.of("none", AuthMode.NONE, "api-key", AuthMode.KEY,
            "jwt", AuthMode.JWT, "api-key-or-jwt", AuthMode.KEY_OR_JWT);

    private AppHttpPolicy() {}

    /** The policy in {@code node} (the {@code http} value; missing means open). */
    static AppPolicy parse(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return DEFAULT;
        }
        mapping(node, KEYS, "http");
        AuthMode mode = MODES.get(text(node.path("auth"), "none", "http.auth"));
        if (mode == null) {
            throw bad("http.auth must be one of none, api-key, jwt, api-key-or-jwt (got '" + node.path("auth").asText() + "')");
        }
        Role role;
        try {
            role = Role.fromWire(text(node.path("role"), "viewer", "http.role"));
        } catch (IllegalArgumentException e) {
            throw bad("http.role: " + e.getMessage());
        }
        if (mode == AuthMode.NONE && node.has("role")) {
            throw bad("http.role needs http.auth (api-key, jwt or api-key-or-jwt): an open app checks no role");
        }
        boolean signature = bool(node.path("require-signature"), "http.require-signature");
        int rate = rate(node.path("rate-limit"));
        boolean signResponses = bool(node.path("sign-responses"), "http.sign-responses");
        return new AppPolicy(new AuthPolicy(mode, role), signature, flow(node.path("policy")), rate, signResponses);
    }

    private static DataFlowPolicy flow(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return DataFlowPolicy.ALLOW_ALL;
        }
        mapping(node, POLICY_KEYS, "http.policy");
        Light fallback = light(node.path("default"), Light.GREEN, "http.policy.default");
        JsonNode list = node.path("rules");
        List<FlowRule> rules = new ArrayList<>();
        if (!list.isMissingNode() && !list.isNull()) {
            if (!list.isArray()) {
                throw bad("http.policy.rules must be a list of rules");
            }
            if (list.size() > DataFlowPolicy.RULES_MAX) {
                throw bad("http.policy.rules: at most " + DataFlowPolicy.RULES_MAX + " rules");
            }
            for (int i = 0; i < list.size(); i++) {
                rules.add(rule(list.get(i), "http.policy.rules[" + i + "]"));
            }
        }
        return new DataFlowPolicy(rules, fallback);
    }

    private static FlowRule rule(JsonNode node, String where) {
        mapping(node, RULE_KEYS, where);
        String name = text(node.path("name"), "", where + ".name");
        if (!name.matches("[A-Za-z0-9._-]{1," + NAME_CHARS_MAX + "}")) {
            throw bad(where + ".name must be 1-" + NAME_CHARS_MAX + " letters, digits, '.', '_' or '-'");
        }
        String dataClass = field(node.path("data-class"), where + ".data-class");
        String region = field(node.path("region"), where + ".region");
        String path = text(node.path("path"), "/", where + ".path");
        if (!path.startsWith("/") || path.length() > PATH_CHARS_MAX) {
            throw bad(where + ".path must start with '/' (at most " + PATH_CHARS_MAX + " characters)");
        }
        if (!node.has("light")) {
            throw bad(where + ".light is required: green, yellow or red");
        }
        Light light = light(node.path("light"), null, where + ".light");
        boolean legal = bool(node.path("legal"), where + ".legal");
        if (legal && light != Light.RED) {
            throw bad(where + ".legal applies to red rules only (refused with 451)");
        }
        return new FlowRule(dataClass, region, path, light, legal, name);
    }

    /** A data-class or region: "*" (the default) or a lower-case word, as the gate compares them. */
    private static String field(JsonNode node, String where) {
        String value = text(node, "*", where);
        if (!value.equals("*") && !value.matches("[A-Za-z0-9._-]{1," + FIELD_CHARS_MAX + "}")) {
            throw bad(where + " must be \"*\" or a word of letters, digits, '.', '_' or '-' (got '" + value + "')");
        }
        return value.equals("*") ? value : value.toLowerCase(Locale.ROOT);
    }

    private static Light light(JsonNode node, Light fallback, String where) {
        String value = text(node, fallback == null ? "" : fallback.name().toLowerCase(Locale.ROOT), where);
        return switch (value) {
            case "green" -> Light.GREEN;
            case "yellow" -> Light.YELLOW;
            case "red" -> Light.RED;
            default -> throw bad(where + " must be green, yellow or red (got '" + value + "')");
        };
    }

    private static int rate(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return 0;
        }
        if (!node.isIntegralNumber() || node.asLong() < 1 || node.asLong() > RATE_LIMIT_PER_SECOND_MAX) {
            throw bad("http.rate-limit is requests per second, a whole number from 1 to " + RATE_LIMIT_PER_SECOND_MAX
                    + " (got " + node + ")");
        }
        return node.asInt();
    }

    private static void mapping(JsonNode node, Set<String> keys, String where) {
        if (!node.isObject()) {
            throw bad(where + " must be a mapping (known keys: " + new TreeSet<>(keys) + ")");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!keys.contains(key)) {
                throw bad(where + ": unknown key '" + key + "' (known: " + new TreeSet<>(keys) + ")");
            }
        }
    }

    private static String text(JsonNode node, String fallback, String where) {
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.isTextual()) {
            throw bad(where + " must be a string (got " + node.getNodeType().name().toLowerCase(Locale.ROOT) + ")");
        }
        return node.asText();
    }

    private static boolean bool(JsonNode node, String where) {
        if (node.isMissingNode() || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw bad(where + " must be true or false");
        }
        return node.asBoolean();
    }

    private static IllegalArgumentException bad(String message) {
        return new IllegalArgumentException(message);
    }
}

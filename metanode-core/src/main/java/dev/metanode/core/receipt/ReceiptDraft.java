package dev.metanode.core.receipt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a module knows about an operation; the log adds the node, the time, and the signature.
 * Map values must be JSON-representable (strings, numbers, booleans, lists, maps).
 *
 * @param kind      what sort of operation
 * @param actor     who asked for it (a key fingerprint, "node", an app name)
 * @param operation what was done, e.g. "node.start", "api.denied", "app.deploy"
 * @param subjects  digests the operation touched
 * @param inputs    what went in
 * @param result    what came out
 * @param policy    policy decisions taken on the way
 * @param resources resource usage
 */
public record ReceiptDraft(ReceiptKind kind, String actor, String operation, List<Subject> subjects,
        Map<String, Object> inputs, Map<String, Object> result, Map<String, Object> policy,
        Map<String, Object> resources) {

    public ReceiptDraft {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(operation, "operation");
        subjects = List.copyOf(subjects == null ? List.of() : subjects);
        inputs = copy(inputs);
        result = copy(result);
        policy = copy(policy);
        resources = copy(resources);
    }

    private static Map<String, Object> copy(Map<String, Object> map) {
        return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    public static Builder builder(ReceiptKind kind, String actor, String operation) {
        return new Builder(kind, actor, operation);
    }

    /** Fills a draft step by step. */
    public static final class Builder {
        private final ReceiptKind kind;
        private final String actor;
        private final String operation;
        private final List<Subject> subjects = new java.util.ArrayList<>();
        private final Map<String, Object> inputs = new LinkedHashMap<>();
        private final Map<String, Object> result = new LinkedHashMap<>();
        private final Map<String, Object> policy = new LinkedHashMap<>();
        private final Map<String, Object> resources = new LinkedHashMap<>();

        private Builder(ReceiptKind kind, String actor, String operation) {
            this.kind = kind;
            this.actor = actor;
            this.operation = operation;
        }

        public Builder subject(Subject subject) {
            subjects.add(subject);
            return this;
        }

        public Builder input(String key, Object value) {
            inputs.put(key, value);
            return this;
        }

        public Builder result(String key, Object value) {
            result.put(key, value);
            return this;
        }

        public Builder policy(String key, Object value) {
            policy.put(key, value);
            return this;
        }

        public Builder resource(String key, Object value) {
            resources.put(key, value);
            return this;
        }

        public ReceiptDraft build() {
            return new ReceiptDraft(kind, actor, operation, subjects, inputs, result, policy, resources);
        }
    }
}

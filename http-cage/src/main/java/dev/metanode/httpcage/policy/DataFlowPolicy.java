package dev.metanode.httpcage.policy;

import java.util.List;

/**
 * An app's traffic-light rules over data classification and region. The first matching rule
 * decides; no match gives the default light. Pure: the gate feeds it header values.
 */
public final class DataFlowPolicy {
    /** Request headers the classification is read from. */
    public static final String DATA_CLASS_HEADER = "x-data-class";
    public static final String REGION_HEADER = "x-region";
    /** Rules per policy; evaluation is linear and runs on the event loop. */
    public static final int RULES_MAX = 256;

    /** Everything green. */
    public static final DataFlowPolicy ALLOW_ALL = new DataFlowPolicy(List.of(), Light.GREEN);

    private final List<FlowRule> rules;
    private final Light fallback;

    public DataFlowPolicy(List<FlowRule> rules, Light fallback) {
        if (rules.size() > RULES_MAX) {
            throw new IllegalArgumentException("more than " + RULES_MAX + " flow rules");
        }
        this.rules = List.copyOf(rules);
        this.fallback = fallback;
    }

    /** The outcome for one request. */
    public record Outcome(Light light, String rule, boolean legalBlock) {}

    public Outcome evaluate(String dataClass, String region, String path) {
        for (FlowRule rule : rules) {
            if (rule.matches(dataClass, region, path)) {
                return new Outcome(rule.light(), rule.name(), rule.legalBlock());
            }
        }
        return new Outcome(fallback, "default", false);
    }
}

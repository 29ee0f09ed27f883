package dev.metanode.httpcage.policy;

import dev.metanode.httpcage.AppPolicies;
import dev.metanode.httpcage.DecisionTrail;
import dev.metanode.httpcage.Gate;
import dev.metanode.httpcage.RequestFacts;
import java.util.Locale;
import java.util.Optional;

/**
 * Applies the app's {@link DataFlowPolicy} to the request's declared data class and region
 * (headers {@value DataFlowPolicy#DATA_CLASS_HEADER}, {@value DataFlowPolicy#REGION_HEADER}) and
 * its path. Green passes, yellow passes flagged in the receipt, red is refused: 451 for a legal
 * (region) block, 403 otherwise. Every outcome lands in the receipt's policy section.
 */
public final class DataFlowGate implements Gate {
    /** Header values longer than this are treated as absent, so they match only wildcard rules. */
    public static final int VALUE_CHARS_MAX = 64;
    private final AppPolicies policies;

    public DataFlowGate(AppPolicies policies) {
        this.policies = policies;
    }

    @Override
    public Optional<Refusal> check(RequestFacts request, DecisionTrail trail) {
        DataFlowPolicy policy = policies.of(request.app()).flow();
        if (policy == DataFlowPolicy.ALLOW_ALL) {
            return Optional.empty();
        }
        String dataClass = value(request, DataFlowPolicy.DATA_CLASS_HEADER);
        String region = value(request, DataFlowPolicy.REGION_HEADER);
        DataFlowPolicy.Outcome outcome = policy.evaluate(dataClass, region, request.path());
        trail.record("flow", outcome.light().name().toLowerCase(Locale.ROOT));
        trail.record("flowRule", outcome.rule());
        if (dataClass != null) {
            trail.record("dataClass", dataClass);
        }
        if (region != null) {
            trail.record("region", region);
        }
        if (outcome.light() == Light.RED) {
            return Optional.of(Refusal.of(outcome.legalBlock() ? 451 : 403, "flow.red"));
        }
        return Optional.empty();
    }

    private static String value(RequestFacts request, String header) {
        return request.headers().first(header).map(String::strip).filter(v -> v.length() <= VALUE_CHARS_MAX)
                .map(v -> v.toLowerCase(Locale.ROOT)).orElse(null);
    }
}

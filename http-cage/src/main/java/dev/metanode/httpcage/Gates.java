package dev.metanode.httpcage;

import java.util.List;
import java.util.Optional;

/** Runs gates in order; the first refusal wins. Order matters: auth before rate limits per key. */
public final class Gates {
    private final List<Gate> gates;

    public Gates(List<Gate> gates) {
        this.gates = List.copyOf(gates);
    }

    public static Gates none() {
        return new Gates(List.of());
    }

    public GateDecision decide(RequestFacts request) {
        DecisionTrail trail = new DecisionTrail();
        for (Gate gate : gates) {
            Optional<Gate.Refusal> refusal = gate.check(request, trail);
            if (refusal.isPresent()) {
                return trail.refuse(refusal.get());
            }
        }
        return trail.allow();
    }
}

package dev.metanode.core.log;

import java.util.ArrayList;
import java.util.List;

/** What a verification checked, in order, and whether each check held. Stops at the first failure. */
public final class VerificationReport {
    /** One check: what was checked and what was found. */
    public record Check(String name, boolean passed, String detail) {}

    private final List<Check> checks = new ArrayList<>();

    public VerificationReport pass(String name, String detail) {
        checks.add(new Check(name, true, detail));
        return this;
    }

    public VerificationReport fail(String name, String detail) {
        checks.add(new Check(name, false, detail));
        return this;
    }

    public boolean passed() {
        return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
    }

    public List<Check> checks() {
        return List.copyOf(checks);
    }

    public String failure() {
        return checks.stream().filter(c -> !c.passed()).map(c -> c.name() + ": " + c.detail()).findFirst()
                .orElse("");
    }
}

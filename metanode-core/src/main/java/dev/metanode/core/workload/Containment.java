package dev.metanode.core.workload;

import java.util.Objects;

/**
 * One thing the cage stopped or limited during a run.
 *
 * @param reason what kind of limit
 * @param detail one line for people, e.g. {@code "mount denied 1 time"}
 */
public record Containment(ContainmentReason reason, String detail) {
    public Containment {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return reason.wireName() + ": " + detail;
    }
}

package dev.metanode.consensus.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles of latencies measured in nanoseconds. */
final class Latency {
    private Latency() {}

    static long percentileMs(List<Long> latenciesNs, int percentile) {
        List<Long> sorted = new ArrayList<>(latenciesNs);
        Collections.sort(sorted);
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1_000_000;
    }
}

package dev.metanode.cli.bench;

import java.util.Arrays;

/** Medians and percentiles of a benchmark's runs. */
public final class Stats {
    private Stats() {}

    public static double median(double[] values) {
        return percentile(values, 50);
    }

    public static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}

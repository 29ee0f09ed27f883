package dev.metanode.core.net.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Collects one figure per run and prints the runs and their median. */
final class BenchStats {
    private final String name;
    private final String unit;
    private final List<Double> runs = new ArrayList<>();

    BenchStats(String name, String unit) {
        this.name = name;
        this.unit = unit;
    }

    void add(double value) {
        runs.add(value);
        System.out.printf(Locale.ROOT, "  %-44s run %d: %,.1f %s%n", name, runs.size(), value, unit);
    }

    double median() {
        List<Double> sorted = new ArrayList<>(runs);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    String summary() {
        return String.format(Locale.ROOT, "%-44s median %,12.1f %s  (runs: %s)", name, median(), unit,
                runs.stream().map(v -> String.format(Locale.ROOT, "%,.0f", v)).toList());
    }
}

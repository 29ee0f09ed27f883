package dev.metanode.httpcage.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * The cage's metrics, rendered in the Prometheus text format (version 0.0.4). A small registry of
 * our own instead of Micrometer: five series do not justify a dependency and its allocation per call.
 * Label values come from a bounded set (app names, status classes, reason codes).
 */
public final class CageMetrics {
    /** Distinct label sets per series; beyond this new ones are folded into "other" so a client cannot grow memory. */
    public static final int LABEL_SETS_MAX = 1024;

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> denials = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latency = new ConcurrentHashMap<>();
    private final Map<String, AppSeries> apps = new ConcurrentHashMap<>();
    private final Histogram notaryLag = new Histogram();
    private final LongAdder notaryFailures = new LongAdder();
    private volatile IntSupplier notaryInFlight = () -> 0;

    public void request(String app, int status, long latencyNanos) {
        AppSeries series = apps.get(app);
        if (series == null) {
            // Past the cap every new app shares one series, made once like any other.
            series = apps.computeIfAbsent(apps.size() >= LABEL_SETS_MAX ? "other" : app, AppSeries::new);
        }
        series.count(status).increment();
        series.latency.observeNanos(latencyNanos);
    }

    /**
     * One app's series, looked up once per request by app name alone: building the label strings
     * per request (escape, concatenation, the status-class digits) was a visible share of the
     * plain proxy's CPU.
     */
    private final class AppSeries {
        private final String label;
        /** By status class (status / 100); filled on first use, a benign race between event loops. */
        private final LongAdder[] byClass = new LongAdder[10];
        private final Histogram latency;

        AppSeries(String app) {
            label = "app=\"" + escape(app) + "\"";
            latency = histogram(label);
        }

        LongAdder count(int status) {
            int statusClass = status / 100;
            if (statusClass < 0 || statusClass >= byClass.length) {
                return counter(requests, label + ",code=\"" + statusClass + "xx\"");
            }
            LongAdder adder = byClass[statusClass];
            if (adder == null) {
                adder = counter(requests, label + ",code=\"" + statusClass + "xx\"");
                byClass[statusClass] = adder;
            }
            return adder;
        }
    }

    public void denial(String reason) {
        counter(denials, "reason=\"" + escape(reason) + "\"").increment();
    }

    public void notaryLag(long nanos) {
        notaryLag.observeNanos(nanos);
    }

    public void notaryFailure() {
        notaryFailures.increment();
    }

    public void notaryInFlight(IntSupplier supplier) {
        this.notaryInFlight = supplier;
    }

    public long denials(String reason) {
        LongAdder adder = denials.get("reason=\"" + escape(reason) + "\"");
        return adder == null ? 0 : adder.sum();
    }

    /** The Prometheus text exposition of every series. */
    public String scrape() {
        StringBuilder out = new StringBuilder(4096);
        out.append("# HELP metanode_http_requests_total Requests answered, by app and status class.\n");
        out.append("# TYPE metanode_http_requests_total counter\n");
        new TreeMap<>(requests).forEach((l, v) -> out.append("metanode_http_requests_total{").append(l).append("} ")
                .append(v.sum()).append('\n'));
        out.append("# HELP metanode_http_request_duration_seconds Head received to last response byte.\n");
        out.append("# TYPE metanode_http_request_duration_seconds histogram\n");
        new TreeMap<>(latency).forEach((l, h) -> h.render(out, "metanode_http_request_duration_seconds", l));
        out.append("# HELP metanode_http_denials_total Requests refused by the cage, by reason.\n");
        out.append("# TYPE metanode_http_denials_total counter\n");
        new TreeMap<>(denials).forEach((l, v) -> out.append("metanode_http_denials_total{").append(l).append("} ")
                .append(v.sum()).append('\n'));
        out.append("# HELP metanode_http_notary_lag_seconds Exchange finished to its receipt being durable.\n");
        out.append("# TYPE metanode_http_notary_lag_seconds histogram\n");
        notaryLag.render(out, "metanode_http_notary_lag_seconds", "");
        out.append("# TYPE metanode_http_notary_failures_total counter\n");
        out.append("metanode_http_notary_failures_total ").append(notaryFailures.sum()).append('\n');
        out.append("# TYPE metanode_http_notary_in_flight gauge\n");
        out.append("metanode_http_notary_in_flight ").append(notaryInFlight.getAsInt()).append('\n');
        return out.toString();
    }

    private LongAdder counter(Map<String, LongAdder> series, String labels) {
        LongAdder adder = series.get(labels);
        if (adder != null) {
            return adder;
        }
        String key = series.size() >= LABEL_SETS_MAX ? "other=\"true\"" : labels;
        return series.computeIfAbsent(key, k -> new LongAdder());
    }

    private Histogram histogram(String labels) {
        Histogram h = latency.get(labels);
        if (h != null) {
            return h;
        }
        String key = latency.size() >= LABEL_SETS_MAX ? "app=\"other\"" : labels;
        return latency.computeIfAbsent(key, k -> new Histogram());
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}

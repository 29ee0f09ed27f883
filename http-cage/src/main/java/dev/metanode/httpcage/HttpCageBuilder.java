package dev.metanode.httpcage;

import dev.metanode.core.http.AppDirectory;
import dev.metanode.core.kernel.Clock;
import dev.metanode.core.kernel.ReceiptLog;
import dev.metanode.httpcage.metrics.CageMetrics;
import java.util.Objects;

/** Assembles an {@link HttpCage} from the node's ports. */
public final class HttpCageBuilder {
    private final HttpCageConfig config;
    private AppDirectory apps;
    private ReceiptLog receiptLog;
    private Clock clock = Clock.SYSTEM;
    private Gates gates = Gates.none();
    private final CageMetrics metrics = new CageMetrics();

    /** The parts the cage is made of, checked. */
    record Parts(AppDirectory apps, ReceiptLog receiptLog, Clock clock, Gates gates, CageMetrics metrics) {}

    public HttpCageBuilder(HttpCageConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public HttpCageBuilder apps(AppDirectory value) {
        this.apps = value;
        return this;
    }

    public HttpCageBuilder receiptLog(ReceiptLog value) {
        this.receiptLog = value;
        return this;
    }

    public HttpCageBuilder clock(Clock value) {
        this.clock = value;
        return this;
    }

    public HttpCageBuilder gates(Gates value) {
        this.gates = value;
        return this;
    }

    public HttpCage build() {
        Objects.requireNonNull(apps, "apps");
        if (config.notarise()) {
            Objects.requireNonNull(receiptLog, "receiptLog (or turn notarisation off)");
        }
        return new HttpCage(config, new Parts(apps, receiptLog, clock, gates, metrics), null, null);
    }
}

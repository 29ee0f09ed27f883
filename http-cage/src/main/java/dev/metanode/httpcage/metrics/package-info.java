/** The cage's counters and histograms in Prometheus text format. */
package dev.metanode.httpcage.metrics;

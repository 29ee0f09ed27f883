package dev.metanode.core.workload;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resource limits of one caged run. Every value is a maximum, with its unit in its name.
 *
 * @param cpus            CPU bandwidth in cores (0.5 = half a core); 0 for no CPU limit
 * @param memoryBytesMax  memory the cage may use, page cache and tmpfs included
 * @param pidsMax         processes and threads the cage may have at once
 * @param tmpfsBytesMax   size of the private {@code /tmp}
 * @param outputBytesMax  bytes of stdout and of stderr kept in the result (each); the rest is only digested
 */
public record Limits(double cpus, long memoryBytesMax, int pidsMax, long tmpfsBytesMax, int outputBytesMax) {

    /** Defaults for a one-shot step: one core, 256 MiB, 64 pids, 64 MiB /tmp, 1 MiB of each output kept. */
    public static final Limits DEFAULT = new Limits(1.0, 256L << 20, 64, 64L << 20, 1 << 20);

    public Limits {
        if (!(cpus >= 0) || cpus > 1024) {
            throw new IllegalArgumentException("cpus must be between 0 and 1024: " + cpus);
        }
        requirePositive(memoryBytesMax, "memoryBytesMax");
        requirePositive(pidsMax, "pidsMax");
        requirePositive(tmpfsBytesMax, "tmpfsBytesMax");
        requirePositive(outputBytesMax, "outputBytesMax");
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    public Limits withCpus(double value) {
        return new Limits(value, memoryBytesMax, pidsMax, tmpfsBytesMax, outputBytesMax);
    }

    public Limits withMemoryBytesMax(long value) {
        return new Limits(cpus, value, pidsMax, tmpfsBytesMax, outputBytesMax);
    }

    public Limits withPidsMax(int value) {
        return new Limits(cpus, memoryBytesMax, value, tmpfsBytesMax, outputBytesMax);
    }

    public Limits withTmpfsBytesMax(long value) {
        return new Limits(cpus, memoryBytesMax, pidsMax, value, outputBytesMax);
    }

    public Limits withOutputBytesMax(int value) {
        return new Limits(cpus, memoryBytesMax, pidsMax, tmpfsBytesMax, value);
    }

    /** The limits as a JSON-ready map, the form recorded in receipts. */
    public Map<String, Object> toRecord() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("cpuMillis", Math.round(cpus * 1000));
        map.put("memoryBytesMax", memoryBytesMax);
        map.put("pidsMax", pidsMax);
        map.put("tmpfsBytesMax", tmpfsBytesMax);
        map.put("outputBytesMax", outputBytesMax);
        return map;
    }

    /** Reads what {@link #toRecord()} wrote. */
    public static Limits fromRecord(Map<?, ?> map) {
        return new Limits(((Number) map.get("cpuMillis")).longValue() / 1000.0,
                ((Number) map.get("memoryBytesMax")).longValue(), ((Number) map.get("pidsMax")).intValue(),
                ((Number) map.get("tmpfsBytesMax")).longValue(), ((Number) map.get("outputBytesMax")).intValue());
    }
}

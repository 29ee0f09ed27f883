package dev.metanode.core.workload;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run used. Measured, so it differs from run to run: it is recorded in the receipt but kept
 * out of the witness root.
 *
 * @param wallMillis       wall-clock time from start to exit
 * @param cpuUserMicros    user CPU time of every process of the cage
 * @param cpuSystemMicros  system CPU time of every process of the cage
 * @param maxRssBytes      largest resident set of one process
 * @param memoryPeakBytes  peak memory of the whole cage by its cgroup, or -1 when not known
 * @param tmpfsUsedBytes   bytes in {@code /tmp} when the program exited, or -1 when not known
 */
public record ResourceUsage(long wallMillis, long cpuUserMicros, long cpuSystemMicros, long maxRssBytes,
        long memoryPeakBytes, long tmpfsUsedBytes) {

    /** The usage as a JSON-ready map for the receipt's {@code resources}. */
    public Map<String, Object> toRecord() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("wallMillis", wallMillis);
        map.put("cpuUserMicros", cpuUserMicros);
        map.put("cpuSystemMicros", cpuSystemMicros);
        map.put("maxRssBytes", maxRssBytes);
        map.put("memoryPeakBytes", memoryPeakBytes);
        map.put("tmpfsUsedBytes", tmpfsUsedBytes);
        return map;
    }
}

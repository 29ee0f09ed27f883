package dev.metanode.docklock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.metanode.core.workload.Limits;
import dev.metanode.core.workload.NetworkMode;
import dev.metanode.core.workload.RunSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The spec survives the trip through a receipt's JSON inputs, which is what replay relies on. */
class RunSpecRecordTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @SuppressWarnings("unchecked")
    private static RunSpec roundTrip(RunSpec spec, byte[] stdin) throws Exception {
        String json = JSON.writeValueAsString(spec.toRecord("00".repeat(32)));
        return RunSpec.fromRecord(JSON.readValue(json, Map.class), stdin);
    }

    @Test
    void everyFieldSurvivesJson() throws Exception {
        RunSpec spec = RunSpec.builder("python3", "-c", "print(1)").env("A", "1").appDir(Path.of("/srv/app"))
                .outputDir(Path.of("/srv/out")).workdir("/tmp").stdin(new byte[] {1, 2, 3}).inputFile("a.txt")
                .seed(-5L).seccompProfile("deterministic").limits(new Limits(0.25, 1 << 20, 5, 4096, 100))
                .network(NetworkMode.HOST).timeout(Duration.ofMillis(1234)).actor("tester").build();
        RunSpec back = roundTrip(spec, new byte[0]);
        assertEquals(spec.argv(), back.argv());
        assertEquals(spec.env(), back.env());
        assertEquals(spec.appDir(), back.appDir());
        assertEquals(spec.outputDir(), back.outputDir());
        assertEquals(spec.workdir(), back.workdir());
        assertArrayEquals(spec.stdin(), back.stdin());
        assertEquals(spec.inputFiles(), back.inputFiles());
        assertEquals(spec.seed(), back.seed());
        assertEquals(spec.seccompProfile(), back.seccompProfile());
        assertEquals(spec.limits(), back.limits());
        assertEquals(spec.network(), back.network());
        assertEquals(spec.timeout(), back.timeout());
        assertEquals(spec.actor(), back.actor());
    }

    @Test
    void largeStdinIsRecordedByDigestOnly() throws Exception {
        byte[] big = new byte[RunSpec.RECORDED_STDIN_BYTES_MAX + 1];
        RunSpec spec = RunSpec.builder("cat").stdin(big).build();
        assertFalse(spec.toRecord("ab".repeat(32)).containsKey("stdinBase64"));
        byte[] supplied = {9};
        assertArrayEquals(supplied, roundTrip(spec, supplied).stdin());
        assertFalse(roundTrip(RunSpec.builder("true").build(), new byte[0]).seed().isPresent());
    }

    @Test
    void badSpecsAreRejectedWithAClearMessage() {
        assertEquals("argv needs a program to run",
                assertThrows(IllegalArgumentException.class, () -> RunSpec.builder().build()).getMessage());
        assertThrows(IllegalArgumentException.class, () -> RunSpec.builder("x").workdir("rel").build());
        assertThrows(IllegalArgumentException.class, () -> RunSpec.builder("x").timeout(Duration.ZERO).build());
        assertThrows(IllegalArgumentException.class, () -> Limits.DEFAULT.withPidsMax(0));
        assertThrows(IllegalArgumentException.class, () -> RunSpec.builder("x").env("A=B", "c").build());
    }
}

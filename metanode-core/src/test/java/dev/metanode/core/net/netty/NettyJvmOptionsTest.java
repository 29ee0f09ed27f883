package dev.metanode.core.net.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.util.internal.PlatformDependent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NettyJvmOptionsTest {
    /** Prints whether Netty found its Unsafe fast path in this JVM. */
    public static final class UnsafeProbe {
        public static void main(String[] args) {
            System.out.println("hasUnsafe=" + PlatformDependent.hasUnsafe());
        }
    }

    @Test
    void aChildJvmStartedWithTheOptionsGivesNettyItsFastPathWithoutAWarning() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(NettyJvmOptions.forChildJvm());
        command.addAll(List.of("-Xshare:auto", "-cp", System.getProperty("java.class.path"), UnsafeProbe.class.getName()));
        Process process = new ProcessBuilder(command).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), err);
        // Netty logs its probing at debug level to stdout before the probe prints.
        assertTrue(out.lines().anyMatch("hasUnsafe=true"::equals), out);
        assertFalse(err.contains("sun.misc.Unsafe"), err);
    }

    @Test
    void theOptionIsOnlyGivenToJvmsThatKnowIt() {
        assertEquals(List.of(), NettyJvmOptions.forFeatureVersion(21));
        assertEquals(List.of(), NettyJvmOptions.forFeatureVersion(22));
        assertEquals(List.of("--sun-misc-unsafe-memory-access=allow"), NettyJvmOptions.forFeatureVersion(23));
        assertEquals(List.of("--sun-misc-unsafe-memory-access=allow"), NettyJvmOptions.forFeatureVersion(25));
    }
}

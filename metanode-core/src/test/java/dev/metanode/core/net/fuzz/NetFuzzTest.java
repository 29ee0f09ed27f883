package dev.metanode.core.net.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.BeforeAll;

/**
 * Jazzer fuzz tests of the transport's decoders. Under plain JUnit they run in regression mode
 * (the empty input and any saved inputs); to fuzz for real:
 * {@code JAZZER_FUZZ=1 mvn -pl metanode-core test -Dtest=NetFuzzTest#frameStream}.
 */
class NetFuzzTest {
    @BeforeAll
    static void noHooksWhenOnlyReplaying() {
        // Regression mode only replays inputs. Without this, Jazzer scans the whole class path for
        // hooks (about 20 s here, rocksdbjni included) and instruments later classes in this JVM.
        if (System.getenv("JAZZER_FUZZ") == null && System.getProperty("jazzer.hooks") == null) {
            System.setProperty("jazzer.hooks", "false");
        }
    }

    @FuzzTest(maxDuration = "60s")
    void frameStream(byte[] input) {
        NetFuzzTargets.frameStream(input);
    }

    @FuzzTest(maxDuration = "60s")
    void envelope(byte[] input) {
        NetFuzzTargets.envelope(input);
    }

    @FuzzTest(maxDuration = "60s")
    void handshakeMessage(byte[] input) {
        NetFuzzTargets.handshakeMessage(input);
    }
}

package dev.metanode.core.log;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The bundle decoder and verifier take files from anyone: whatever the bytes, they either
 * verify or are refused with IllegalArgumentException or a failed report — nothing else.
 * The Jazzer test replays its corpus in every build (JAZZER_FUZZ=1 fuzzes for real, see
 * docs/TESTING.md); the jqwik property mutates a real bundle in every build.
 */
class BundleFuzzTest {
    private static final byte[] VALID = resource("BundleFuzzTestInputs/parseAndVerify/valid-bundle.json");
    private static final BundleVerifier VERIFIER = verifier();

    private static byte[] resource(String name) {
        try (InputStream in = BundleFuzzTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }

    private static BundleVerifier verifier() {
        try {
            String line = new String(resource("bundle-seed.pub"), StandardCharsets.UTF_8).trim();
            return new BundleVerifier(List.of(NoteVerifierKey.parse(line)));
        } catch (NoteFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True if verified; false if refused in one of the two allowed ways. */
    static boolean parseAndVerifyOrRefuse(byte[] data) {
        ProofBundle bundle;
        try {
            bundle = ProofBundle.parse(data);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return VERIFIER.verify(bundle).passed();
    }

    @FuzzTest(maxDuration = "30s")
    void parseAndVerify(byte[] data) {
        parseAndVerifyOrRefuse(data);
    }

    @Property(tries = 400)
    void mutatedBundlesNeverVerifyOrCrash(@ForAll @IntRange(min = 0, max = 100_000) int position,
            @ForAll @IntRange(min = 1, max = 255) int xor, @ForAll @IntRange(min = 0, max = 2) int kind) {
        byte[] mutated = mutate(VALID, position % VALID.length, (byte) xor, kind);
        if (parseAndVerifyOrRefuse(mutated)) {
            // Whitespace and the untrusted statement copy may change; what is trusted may not.
            ProofBundle original = ProofBundle.parse(VALID);
            ProofBundle accepted = ProofBundle.parse(mutated);
            assertTrue(sameTrustedContent(original, accepted), "a mutation at " + position % VALID.length
                    + " (kind " + kind + ", xor " + xor + ") verified with different content");
        }
    }

    private static boolean sameTrustedContent(ProofBundle a, ProofBundle b) {
        if (a.proof().size() != b.proof().size()) {
            return false;
        }
        for (int i = 0; i < a.proof().size(); i++) {
            if (!Arrays.equals(a.proof().get(i), b.proof().get(i))) {
                return false;
            }
        }
        return a.receiptId().equals(b.receiptId()) && Arrays.equals(a.envelope(), b.envelope())
                && a.leafIndex() == b.leafIndex() && a.treeSize() == b.treeSize()
                && a.checkpoint().equals(b.checkpoint());
    }

    @Property(tries = 50)
    void theUnchangedBundleVerifies(@ForAll @IntRange(min = 0, max = 3) int ignored) {
        assertTrue(parseAndVerifyOrRefuse(VALID));
        assertFalse(parseAndVerifyOrRefuse(Arrays.copyOf(VALID, VALID.length / 2)));
    }

    /** kind 0: flip bits; 1: delete a byte; 2: truncate. */
    private static byte[] mutate(byte[] data, int at, byte xor, int kind) {
        return switch (kind) {
            case 0 -> {
                byte[] copy = data.clone();
                copy[at] ^= xor;
                yield copy;
            }
            case 1 -> {
                byte[] copy = new byte[data.length - 1];
                System.arraycopy(data, 0, copy, 0, at);
                System.arraycopy(data, at + 1, copy, at, data.length - at - 1);
                yield copy;
            }
            default -> Arrays.copyOf(data, at);
        };
    }
}

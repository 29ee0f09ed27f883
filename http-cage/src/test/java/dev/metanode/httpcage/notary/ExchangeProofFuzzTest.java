package dev.metanode.httpcage.notary;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.metanode.core.log.NoteVerifierKey;
import dev.metanode.core.testing.TestKeys;
import java.util.List;

/**
 * An exchange proof comes from whoever hands it over: parsing and verifying any bytes either
 * works or fails with an IllegalArgumentException (parse) or a failed report (verify). Seeds in
 * {@code src/test/resources/dev/metanode/httpcage/notary/ExchangeProofFuzzTestInputs/}; run with
 * {@code JAZZER_FUZZ=1} to fuzz.
 */
class ExchangeProofFuzzTest {
    private static final List<NoteVerifierKey> TRUSTED = List.of(NoteVerifierKey.of("metanode/test",
            TestKeys.key(1).publicKey()));

    @FuzzTest(maxDuration = "30s")
    void parseAndVerify(byte[] input) {
        ExchangeProof proof;
        try {
            proof = ExchangeProof.parse(input);
        } catch (IllegalArgumentException expected) {
            return;
        }
        proof.verify(TRUSTED);
    }
}

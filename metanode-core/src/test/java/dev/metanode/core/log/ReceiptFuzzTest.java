package dev.metanode.core.log;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.metanode.core.receipt.Receipt;
import dev.metanode.core.receipt.ReceiptVerifier;
import dev.metanode.core.testing.TestKeys;
import java.util.List;

/** Receipt envelopes come from bundles and the network: any bytes parse or are refused cleanly. */
class ReceiptFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void parseEnvelope(byte[] data) {
        Receipt receipt;
        try {
            receipt = Receipt.parse(data);
        } catch (IllegalArgumentException e) {
            return;
        }
        receipt.predicate();
        try {
            receipt.kind();
        } catch (IllegalArgumentException e) {
            // an unknown kind is a refusal with a reason, as allowed
        }
        ReceiptVerifier.verify(receipt, List.of(TestKeys.key(1).publicKey()));
    }
}

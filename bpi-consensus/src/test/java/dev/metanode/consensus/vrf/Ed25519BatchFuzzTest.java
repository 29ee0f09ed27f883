package dev.metanode.consensus.vrf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Signatures and keys are outside input: any bytes get an answer, never an exception, and the batch agrees. */
class Ed25519BatchFuzzTest {
    @Property(tries = 300)
    void garbageIsRefusedAloneAndInABatch(@ForAll @Size(32) byte[] key, @ForAll @Size(64) byte[] sig, @ForAll byte[] message) {
        assertFalse(Ed25519Batch.verify(key, message, sig));
        List<Ed25519Batch.Check> batch = new ArrayList<>(Ed25519BatchTest.honest(5, 2, sig[0]));
        batch.add(new Ed25519Batch.Check(key, message, sig));
        assertArrayEquals(new boolean[] {true, true, true, true, true, false}, Ed25519Batch.verifyEach(batch));
    }

    @Property(tries = 200)
    void anyLengthIsAnswered(@ForAll @Size(max = 80) byte[] key, @ForAll @Size(max = 80) byte[] sig) {
        assertFalse(Ed25519Batch.verify(key, new byte[] {1}, sig));
    }
}

package dev.metanode.consensus.poh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.crypto.Sha256;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The proposer's segment verifies with the block's digests in order, and with nothing else. */
class PohSegmentTest {
    private static final byte[] START = Sha256.digest(new byte[] {7});

    @Test
    void aRecordedSegmentVerifiesAndCountsItsWork() {
        for (int n : new int[] {0, 1, 5, 64}) {
            List<byte[]> digests = digests(n);
            PohSegment segment = PohRecorder.record(START, digests);
            assertEquals(Optional.empty(), segment.verify(digests), n + " digests");
            assertEquals((long) n * (PohRecorder.HASHES_PER_ENTRY + 1) + PohRecorder.TICK_HASHES, segment.hashCount());
        }
    }

    @Test
    void anEmptySegmentIsStillSequentialWork() {
        byte[] h = START.clone();
        for (int i = 0; i < PohRecorder.TICK_HASHES; i++) {
            h = Sha256.digest(h);
        }
        assertTrue(java.util.Arrays.equals(h, PohRecorder.record(START, List.of()).end()), "64 chained SHA-256");
    }

    @Test
    void reorderedChangedMissingOrExtraTransactionsDoNotVerify() {
        List<byte[]> digests = digests(4);
        PohSegment segment = PohRecorder.record(START, digests);
        List<byte[]> swapped = new ArrayList<>(digests);
        java.util.Collections.swap(swapped, 1, 2);
        assertTrue(segment.verify(swapped).orElseThrow().contains("does not end"));
        List<byte[]> changed = new ArrayList<>(digests);
        changed.set(3, Sha256.digest(new byte[] {99}));
        assertTrue(segment.verify(changed).isPresent());
        assertTrue(segment.verify(digests.subList(0, 3)).orElseThrow().contains("4 mixins for 3"));
        assertTrue(segment.verify(digests(5)).orElseThrow().contains("4 mixins for 5"));
    }

    @Test
    void aForgedShapeIsRefusedBeforeAnyHashing() {
        PohSegment real = PohRecorder.record(START, digests(2));
        long[] mixins = real.mixins();
        assertTrue(new PohSegment(START, PohSegment.HASHES_PER_BLOCK_MAX + 1, real.end(), mixins)
                .shapeProblem(2).orElseThrow().contains("outside"), "a verifier's work is bounded");
        assertTrue(new PohSegment(START, real.hashCount(), real.end(), new long[] {mixins[1], mixins[0]})
                .shapeProblem(2).orElseThrow().contains("increase"));
        assertTrue(new PohSegment(START, real.hashCount(), real.end(), new long[] {0, real.hashCount()})
                .shapeProblem(2).orElseThrow().contains("increase"));
        assertTrue(new PohSegment(new byte[31], real.hashCount(), real.end(), mixins)
                .shapeProblem(2).orElseThrow().contains("32 bytes"));
        assertTrue(new PohSegment(START, real.hashCount() - 1, real.end(), mixins).verify(digests(2)).isPresent(),
                "one hash short of the stated end");
    }

    @Test
    void aSegmentTooLongForOneBlockIsNotRecorded() {
        int tooMany = (int) (PohSegment.HASHES_PER_BLOCK_MAX / (PohRecorder.HASHES_PER_ENTRY + 1)) + 1;
        assertThrows(IllegalArgumentException.class, () -> PohRecorder.record(START, digests(tooMany)));
    }

    private static List<byte[]> digests(int n) {
        List<byte[]> digests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            digests.add(Sha256.digest(new byte[] {(byte) i, (byte) (i >> 8), (byte) (i >> 16)}));
        }
        return digests;
    }
}

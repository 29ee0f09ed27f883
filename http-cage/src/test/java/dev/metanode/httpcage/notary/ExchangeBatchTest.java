package dev.metanode.httpcage.notary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.metanode.core.crypto.Sha256;
import dev.metanode.core.log.MerkleHash;
import dev.metanode.core.log.MerkleVerifier;
import dev.metanode.core.log.ProofException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExchangeBatchTest {
    /** RFC 9162 §2.1.1 MTH, written out directly. */
    static byte[] mth(List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return MerkleHash.leafHash(leaves.get(0));
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return MerkleHash.nodeHash(mth(leaves.subList(0, k)), mth(leaves.subList(k, leaves.size())));
    }

    @Test
    void rootIsRfc9162AndEveryPathVerifies() throws ProofException {
        for (int n = 1; n <= 70; n++) {
            List<byte[]> records = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                records.add(("{\"seq\":" + i + "}").getBytes(StandardCharsets.UTF_8));
            }
            ExchangeBatch batch = new ExchangeBatch(records);
            assertArrayEquals(mth(records), batch.root(), "size " + n);
            for (int i = 0; i < n; i++) {
                MerkleVerifier.verifyInclusion(i, n, MerkleHash.leafHash(records.get(i)), batch.inclusion(i), batch.root());
            }
        }
    }

    @Test
    void aChangedRecordOrPositionDoesNotVerify() {
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            records.add(Sha256.digest(new byte[] {(byte) i}));
        }
        ExchangeBatch batch = new ExchangeBatch(records);
        byte[] forged = Arrays.copyOf(records.get(3), 32);
        forged[0] ^= 1;
        assertThrows(ProofException.class, () -> MerkleVerifier.verifyInclusion(3, 9, MerkleHash.leafHash(forged),
                batch.inclusion(3), batch.root()));
        assertThrows(ProofException.class, () -> MerkleVerifier.verifyInclusion(4, 9,
                MerkleHash.leafHash(records.get(3)), batch.inclusion(3), batch.root()));
    }
}

package dev.metanode.cli.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.cli.client.TxBatch;
import dev.metanode.consensus.notary.NotaryModule;
import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.ledger.Transaction;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The transaction batch body comes from any API client: it decodes exactly or is refused with a 4xx reason. */
class ChainTxRoutesTest {
    private static final SigningKey KEY = SigningKey.generate(new SecureRandom());
    private static final List<Transaction> TXS = List.of(NotaryModule.attest(KEY, new byte[32], 1),
            NotaryModule.attest(KEY, new byte[32], 2));
    private static final byte[] VALID = TxBatch.encode(TXS);

    @Test
    void aBatchRoundTrips() {
        List<Transaction> decoded = ChainTxRoutes.decode(VALID);
        assertEquals(TXS.stream().map(Transaction::idHex).toList(), decoded.stream().map(Transaction::idHex).toList());
    }

    @Test
    void emptyTruncatedOversizedAndOverlongBatchesAreRefused() {
        assertEquals(400, refused(new byte[0]).status());
        assertEquals(400, refused(new byte[] {0, 0}).status());
        assertTrue(refused(ByteBuffer.allocate(4).putInt(1 << 30).array()).getMessage().contains("bad length"));
        byte[] one = TxBatch.encode(List.of(TXS.get(0)));
        ByteBuffer many = ByteBuffer.allocate(one.length * (ChainTxRoutes.BATCH_TXS_MAX + 1));
        for (int i = 0; i <= ChainTxRoutes.BATCH_TXS_MAX; i++) {
            many.put(one);
        }
        assertEquals(413, refused(many.array()).status());
    }

    @Property(tries = 400)
    void mutatedBatchesDecodeOrAreRefused(@ForAll @IntRange(min = 0, max = 100_000) int position,
            @ForAll @IntRange(min = 1, max = 255) int xor) {
        byte[] mutated = VALID.clone();
        mutated[position % mutated.length] ^= (byte) xor;
        try {
            ChainTxRoutes.decode(mutated);
        } catch (ApiError e) {
            assertTrue(e.status() == 400 || e.status() == 413);
        }
    }

    @Property(tries = 300)
    void arbitraryBytesDecodeOrAreRefused(@ForAll @Size(max = 400) byte[] bytes) {
        try {
            ChainTxRoutes.decode(bytes);
        } catch (ApiError e) {
            assertTrue(e.status() == 400 || e.status() == 413);
        }
    }

    private static ApiError refused(byte[] body) {
        return assertThrows(ApiError.class, () -> ChainTxRoutes.decode(body));
    }
}

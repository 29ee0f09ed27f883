package dev.metanode.httpcage.notary;

import dev.metanode.core.kernel.ReceiptLog;
import dev.metanode.core.receipt.LoggedReceipt;
import dev.metanode.core.receipt.Receipt;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finishes, on start, the batches a crash (or a failed append) left pending, so no notarised
 * exchange is lost: a batch whose receipt became durable gets its root → receipt link; a batch
 * whose receipt never did gets one now ({@link PipelineReceipts#recoveredDraft}), over the same
 * stored records, so their ids and proofs are the ones they would have had.
 *
 * <p>Each pending marker holds the log's size when its batch was written; its receipt, if any, is
 * at or after that index, so the search reads only the log's tail.
 */
public final class NotaryRecovery {
    /**
     * What one start repaired: batches linked to their durable receipt, notarised now, dropped for
     * having no records, and left pending for the next start (their records do not hash to their
     * root, or the log refused the append: the cage starts anyway, and says so).
     */
    public record Outcome(int linked, int renotarised, int empty, int left) {
        public static final Outcome NOTHING = new Outcome(0, 0, 0, 0);

        public int batches() {
            return linked + renotarised + empty + left;
        }
    }

    private NotaryRecovery() {}

    public static Outcome run(ReceiptLog log, ExchangeStore exchanges) {
        Map<String, Long> pending = exchanges.pending();
        if (pending.isEmpty()) {
            return Outcome.NOTHING;
        }
        int linked = 0;
        int renotarised = 0;
        int empty = 0;
        int left = 0;
        long from = pending.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        for (long index = Math.max(0, from); index < log.size() && !pending.isEmpty(); index++) {
            Optional<LoggedReceipt> receipt = log.get(index);
            Optional<byte[]> root = receipt.flatMap(r -> PipelineReceipts.batchRoot(Receipt.parse(r.envelope())));
            if (root.isPresent() && pending.remove(HexFormat.of().formatHex(root.get())) != null) {
                exchanges.putReceipt(root.get(), receipt.get().id());
                linked++;
            }
        }
        for (String hex : List.copyOf(pending.keySet())) {
            byte[] root = HexFormat.of().parseHex(hex);
            List<byte[]> records = exchanges.batch(root);
            if (records.isEmpty()) {
                exchanges.forgetPending(root); // the marker outlived its records: nothing to prove
                empty++;
                continue;
            }
            ExchangeBatch batch = new ExchangeBatch(records);
            if (!Arrays.equals(batch.root(), root)) {
                left++; // damaged records: signing them would notarise what was never served
                continue;
            }
            try {
                LoggedReceipt receipt = log.appendAndWait(PipelineReceipts.recoveredDraft(batch));
                exchanges.putReceipt(root, receipt.id());
                renotarised++;
            } catch (RuntimeException e) {
                left++; // a full disk, a closed log: the marker stays for the next start
            }
        }
        return new Outcome(linked, renotarised, empty, left);
    }
}

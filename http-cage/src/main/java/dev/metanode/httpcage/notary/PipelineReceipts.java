package dev.metanode.httpcage.notary;

import dev.metanode.core.receipt.ReceiptDraft;
import dev.metanode.core.receipt.ReceiptKind;
import dev.metanode.core.receipt.Subject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code pipeline} receipt of a batch of exchanges, operation {@value #BATCH_OPERATION}: one
 * subject {@value #BATCH_SUBJECT} whose SHA-256 is the Merkle root over the batch's
 * {@link ExchangeRecord}s, so one Ed25519 signature covers every exchange in it and each
 * exchange is proven by its path ({@link ExchangeProof}). Inputs name the apps, the count and the
 * sequence range; results count statuses and refusals, so a listing is useful without the records.
 */
public final class PipelineReceipts {
    public static final String BATCH_OPERATION = "http.exchanges";
    public static final String BATCH_SUBJECT = "http.exchanges";
    /** Apps named in one receipt's inputs; beyond this the list is cut (the records hold the rest). */
    public static final int APPS_LISTED_MAX = 64;

    private PipelineReceipts() {}

    /** A batch: its records, and per record the facts the summary is built from. */
    public static ReceiptDraft batchDraft(ExchangeBatch batch, List<PipelineRecord> records, long firstSeq) {
        TreeSet<String> apps = new TreeSet<>();
        Map<String, Integer> statuses = new TreeMap<>();
        int refused = 0;
        int flagged = 0;
        for (PipelineRecord r : records) {
            if (apps.size() < APPS_LISTED_MAX) {
                apps.add(r.app());
            }
            statuses.merge((r.status() / 100) + "xx", 1, Integer::sum);
            if (r.decisions().containsKey("refused") || r.decisions().containsKey("cage")) {
                refused++;
            }
            if ("yellow".equals(r.decisions().get("flow"))) {
                flagged++;
            }
        }
        String actor = apps.size() == 1 ? "app:" + apps.first() : "http-cage";
        return ReceiptDraft.builder(ReceiptKind.PIPELINE, actor, BATCH_OPERATION)
                .subject(Subject.of(BATCH_SUBJECT, batch.root()))
                .input("exchanges", batch.size())
                .input("apps", List.copyOf(apps))
                .input("firstSeq", firstSeq)
                .input("lastSeq", firstSeq + batch.size() - 1)
                .result("statuses", statuses)
                .policy("refused", refused)
                .policy("flagged", flagged)
                .build();
    }
}

package dev.metanode.httpcage.notary;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.core.codec.Json;
import dev.metanode.core.receipt.Receipt;
import dev.metanode.core.receipt.ReceiptDraft;
import dev.metanode.core.receipt.ReceiptKind;
import dev.metanode.core.receipt.Subject;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        Tally tally = new Tally();
        for (PipelineRecord r : records) {
            tally.add(r.app(), r.status(), r.decisions().keySet(), r.decisions().get("flow"));
        }
        return tally.draft(batch, firstSeq).build();
    }

    /**
     * The receipt of a batch whose records were stored but whose receipt never became durable (a
     * crash, a failed append): the same summary, read back from the records, marked
     * {@code recovered}. Its subject is the same root, so the records' proofs hold.
     */
    public static ReceiptDraft recoveredDraft(ExchangeBatch batch) {
        Tally tally = new Tally();
        long firstSeq = Long.MAX_VALUE;
        for (int i = 0; i < batch.size(); i++) {
            JsonNode record = Json.parse(batch.record(i));
            JsonNode policy = record.path("policy");
            Set<String> decided = new HashSet<>();
            policy.fieldNames().forEachRemaining(decided::add);
            tally.add(record.path("app").asText(), record.path("status").asInt(), decided, policy.path("flow").asText(null));
            firstSeq = Math.min(firstSeq, record.path("seq").asLong());
        }
        return tally.draft(batch, firstSeq).input("recovered", true).build();
    }

    /** The batch root a pipeline batch receipt signs; empty for any other receipt. */
    public static Optional<byte[]> batchRoot(Receipt receipt) {
        if (!BATCH_OPERATION.equals(receipt.operation())) {
            return Optional.empty();
        }
        for (JsonNode subject : receipt.statement().path("subject")) {
            if (BATCH_SUBJECT.equals(subject.path("name").asText())) {
                return Optional.of(HexFormat.of().parseHex(subject.path("digest").path("sha256").asText()));
            }
        }
        return Optional.empty();
    }

    /** What a batch receipt says of its exchanges without the records. */
    private static final class Tally {
        private final TreeSet<String> apps = new TreeSet<>();
        private final Map<String, Integer> statuses = new TreeMap<>();
        private int refused;
        private int flagged;

        /** One exchange: its app, status, the names of the policy decisions taken, and the flow colour (or null). */
        void add(String app, int status, Set<String> decided, Object flow) {
            if (apps.size() < APPS_LISTED_MAX) {
                apps.add(app);
            }
            statuses.merge((status / 100) + "xx", 1, Integer::sum);
            refused += decided.contains("refused") || decided.contains("cage") ? 1 : 0;
            flagged += "yellow".equals(flow) ? 1 : 0;
        }

        ReceiptDraft.Builder draft(ExchangeBatch batch, long firstSeq) {
            String actor = apps.size() == 1 ? "app:" + apps.first() : "http-cage";
            return ReceiptDraft.builder(ReceiptKind.PIPELINE, actor, BATCH_OPERATION)
                    .subject(Subject.of(BATCH_SUBJECT, batch.root()))
                    .input("exchanges", batch.size())
                    .input("apps", List.copyOf(apps))
                    .input("firstSeq", firstSeq)
                    .input("lastSeq", firstSeq + batch.size() - 1)
                    .result("statuses", statuses)
                    .policy("refused", refused)
                    .policy("flagged", flagged);
        }
    }
}

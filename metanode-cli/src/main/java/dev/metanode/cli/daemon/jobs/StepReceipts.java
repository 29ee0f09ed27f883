package dev.metanode.cli.daemon.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.core.codec.Json;
import dev.metanode.core.receipt.LoggedReceipt;
import dev.metanode.core.receipt.Receipt;
import dev.metanode.core.receipt.ReceiptDraft;
import dev.metanode.core.receipt.ReceiptKind;
import dev.metanode.core.receipt.Subject;
import dev.metanode.core.workload.ReplayResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads step receipts back into drafts (for replay) and writes replay verdicts. */
public final class StepReceipts {
    private StepReceipts() {}

    /** The draft a logged step receipt was made from, as far as replay needs it. */
    @SuppressWarnings("unchecked")
    public static ReceiptDraft draftOf(LoggedReceipt logged) {
        Receipt receipt = Receipt.parse(logged.envelope());
        if (receipt.kind() != ReceiptKind.STEP) {
            throw new IllegalArgumentException(logged.id() + " is a " + receipt.kind().wireName()
                    + " receipt, not a step receipt of a run");
        }
        JsonNode p = receipt.predicate();
        List<Subject> subjects = new ArrayList<>();
        for (JsonNode s : receipt.statement().path("subject")) {
            subjects.add(new Subject(s.path("name").asText(), s.path("digest").path("sha256").asText()));
        }
        return new ReceiptDraft(ReceiptKind.STEP, p.path("actor").asText(), p.path("operation").asText(), subjects,
                Json.mapper().convertValue(p.path("inputs"), Map.class),
                Json.mapper().convertValue(p.path("result"), Map.class),
                Json.mapper().convertValue(p.path("policy"), Map.class),
                Json.mapper().convertValue(p.path("resources"), Map.class));
    }

    static ReceiptDraft verdict(LoggedReceipt original, ReplayResult replay) {
        return ReceiptDraft.builder(ReceiptKind.STEP, "node", "job.replay")
                .input("original", original.id())
                .input("recordedRoot", replay.recordedRoot())
                .result("replayedRoot", replay.replayedRoot())
                .result("matches", replay.matches())
                .result("exit", replay.replayed().exit().toString())
                .build();
    }
}

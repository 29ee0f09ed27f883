package dev.metanode.core.receipt;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metanode.core.codec.CanonicalJson;
import dev.metanode.core.codec.Json;
import dev.metanode.core.crypto.SigningKey;
import java.time.Instant;
import java.util.Base64;

/**
 * Turns a draft into a signed DSSE envelope around an in-toto Statement v1, both in RFC 8785
 * canonical JSON, so the envelope bytes are the Merkle leaf and anyone can recompute them.
 */
public final class ReceiptSigner {
    public static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
    public static final String PREDICATE_TYPE = "https://metanode.dev/receipt/v1";

    private final SigningKey key;
    private final String nodeId;

    /** @param nodeId a name for this node that goes into every predicate (its key fingerprint) */
    public ReceiptSigner(SigningKey key, String nodeId) {
        this.key = key;
        this.nodeId = nodeId;
    }

    public byte[] sign(ReceiptDraft draft, Instant recordedAt) {
        byte[] statement = CanonicalJson.encode(statement(draft, recordedAt));
        byte[] signature = key.sign(Dsse.pae(Dsse.IN_TOTO_PAYLOAD_TYPE, statement));
        ObjectNode envelope = Json.object();
        envelope.put("payloadType", Dsse.IN_TOTO_PAYLOAD_TYPE);
        envelope.put("payload", Base64.getEncoder().encodeToString(statement));
        ObjectNode sig = envelope.putArray("signatures").addObject();
        sig.put("keyid", key.publicKey().fingerprint());
        sig.put("sig", Base64.getEncoder().encodeToString(signature));
        return CanonicalJson.encode(envelope);
    }

    private ObjectNode statement(ReceiptDraft draft, Instant recordedAt) {
        ObjectNode statement = Json.object();
        statement.put("_type", STATEMENT_TYPE);
        ArrayNode subjects = statement.putArray("subject");
        for (Subject subject : draft.subjects()) {
            ObjectNode s = subjects.addObject();
            s.put("name", subject.name());
            s.putObject("digest").put("sha256", subject.sha256());
        }
        statement.put("predicateType", PREDICATE_TYPE);
        ObjectNode predicate = statement.putObject("predicate");
        predicate.put("kind", draft.kind().wireName());
        predicate.put("node", nodeId);
        predicate.put("actor", draft.actor());
        predicate.put("operation", draft.operation());
        predicate.set("inputs", Json.mapper().valueToTree(draft.inputs()));
        predicate.set("result", Json.mapper().valueToTree(draft.result()));
        predicate.set("policy", Json.mapper().valueToTree(draft.policy()));
        predicate.set("resources", Json.mapper().valueToTree(draft.resources()));
        predicate.putObject("timestamps").put("recorded", recordedAt.toString());
        return statement;
    }
}

package dev.metanode.httpcage.notary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metanode.core.codec.Json;
import dev.metanode.core.log.BundleVerifier;
import dev.metanode.core.log.MerkleHash;
import dev.metanode.core.log.MerkleVerifier;
import dev.metanode.core.log.NoteVerifierKey;
import dev.metanode.core.log.ProofBundle;
import dev.metanode.core.log.ProofException;
import dev.metanode.core.log.VerificationReport;
import dev.metanode.core.receipt.Receipt;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The offline proof of one HTTP exchange: its record, its position and path in the batch tree,
 * and the {@link ProofBundle} of the batch's pipeline receipt. Checked with nothing but trusted
 * public keys: the receipt bundle as usual (checkpoint, DSSE signature, log inclusion), then the
 * record's leaf up the path to the root the receipt signs as its {@code http.exchanges} subject.
 */
public record ExchangeProof(String exchangeId, byte[] record, int position, int batchSize, List<byte[]> path,
        ProofBundle receipt) {
    public static final String FORMAT = "metanode-exchange-proof/v1";
    /** Batches hold at most {@link Notary#BATCH_EXCHANGES_MAX} exchanges, so paths are short. */
    public static final int PATH_HASHES_MAX = 32;
    public static final int RECORD_BYTES_MAX = 64 * 1024;

    public ExchangeProof {
        record = record.clone();
        path = List.copyOf(path);
    }

    public static ExchangeProof of(ExchangeStore.Found found, ProofBundle receipt) {
        ExchangeBatch batch = new ExchangeBatch(found.records());
        if (!java.util.Arrays.equals(batch.root(), found.root())) {
            throw new IllegalStateException("stored exchange records no longer hash to their batch root");
        }
        return new ExchangeProof(ExchangeStore.id(found.root(), found.position()), batch.record(found.position()),
                found.position(), batch.size(), batch.inclusion(found.position()), receipt);
    }

    public String toJson() {
        Base64.Encoder b64 = Base64.getEncoder();
        ObjectNode root = Json.object();
        root.put("format", FORMAT);
        root.put("exchangeId", exchangeId);
        root.put("record", new String(record, StandardCharsets.UTF_8));
        root.put("position", position);
        root.put("batchSize", batchSize);
        ArrayNode hashes = root.putArray("path");
        path.forEach(h -> hashes.add(b64.encodeToString(h)));
        root.set("receipt", Json.parse(receipt.toJson()));
        return Json.pretty(root) + "\n";
    }

    /** Whether a file is an exchange proof rather than a receipt bundle. */
    public static boolean isExchangeProof(JsonNode root) {
        return FORMAT.equals(root.path("format").asText());
    }

    /** Parses a proof; any malformed field gives an {@link IllegalArgumentException} naming it. */
    public static ExchangeProof parse(byte[] bytes) {
        if (bytes.length > ProofBundle.BUNDLE_BYTES_MAX) {
            throw new IllegalArgumentException("exchange proof of " + bytes.length + " bytes exceeds "
                    + ProofBundle.BUNDLE_BYTES_MAX);
        }
        JsonNode root = Json.parse(bytes);
        if (!isExchangeProof(root)) {
            throw new IllegalArgumentException("not a Metanode exchange proof (format is not " + FORMAT + ")");
        }
        JsonNode record = root.path("record");
        if (!record.isTextual() || record.asText().length() > RECORD_BYTES_MAX) {
            throw new IllegalArgumentException("exchange proof field 'record' must be a string of at most "
                    + RECORD_BYTES_MAX + " characters");
        }
        JsonNode hashes = root.path("path");
        if (!hashes.isArray() || hashes.size() > PATH_HASHES_MAX) {
            throw new IllegalArgumentException("exchange proof field 'path' must be a list of at most "
                    + PATH_HASHES_MAX + " hashes");
        }
        List<byte[]> path = new ArrayList<>();
        for (JsonNode h : hashes) {
            if (!h.isTextual()) {
                throw new IllegalArgumentException("exchange proof field 'path' holds a non-string");
            }
            try {
                path.add(Base64.getDecoder().decode(h.asText()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("exchange proof field 'path' holds invalid base64");
            }
        }
        return new ExchangeProof(root.path("exchangeId").asText(""), record.asText().getBytes(StandardCharsets.UTF_8),
                count(root, "position"), count(root, "batchSize"), path,
                ProofBundle.parse(Json.write(root.path("receipt")).getBytes(StandardCharsets.UTF_8)));
    }

    private static int count(JsonNode root, String field) {
        JsonNode node = root.path(field);
        if (!node.isIntegralNumber() || node.asLong() < 0 || node.asLong() > Notary.BATCH_EXCHANGES_MAX) {
            throw new IllegalArgumentException("exchange proof field '" + field + "' must be a whole number from 0 to "
                    + Notary.BATCH_EXCHANGES_MAX);
        }
        return node.asInt();
    }

    /** Checks the receipt bundle, then the exchange against the root the receipt signs. */
    public VerificationReport verify(List<NoteVerifierKey> trusted) {
        VerificationReport report = new BundleVerifier(trusted).verify(receipt);
        if (!report.passed()) {
            return report;
        }
        Receipt parsed = Receipt.parse(receipt.envelope());
        if (!PipelineReceipts.BATCH_OPERATION.equals(parsed.operation())) {
            return report.fail("exchange", "the receipt is not a batch of HTTP exchanges");
        }
        Optional<byte[]> root = PipelineReceipts.batchRoot(parsed);
        if (root.isEmpty() || parsed.predicate().path("inputs").path("exchanges").asInt(-1) != batchSize) {
            return report.fail("exchange", "the receipt signs no batch of " + batchSize + " exchanges");
        }
        try {
            MerkleVerifier.verifyInclusion(position, batchSize, MerkleHash.leafHash(record), path, root.get());
        } catch (ProofException e) {
            return report.fail("exchange", e.getMessage());
        }
        return report.pass("exchange", "exchange " + position + " of the " + batchSize + " this receipt signs ("
                + path.size() + " path hashes)");
    }
}

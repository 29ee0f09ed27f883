package dev.metanode.core.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.codec.CanonicalJson;
import dev.metanode.core.codec.Json;
import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiptSignerTest {
    private final SigningKey key = TestKeys.key(1);
    private final ReceiptSigner signer = new ReceiptSigner(key, key.publicKey().fingerprint());
    private final ReceiptDraft draft = ReceiptDraft.builder(ReceiptKind.STEP, "tester", "job.run")
            .subject(Subject.of("bundle", new byte[32])).input("argv", List.of("/bin/true"))
            .result("exit", 0).resource("cpuMs", 3).build();

    @Test
    void paeMatchesTheDsseSpecExample() {
        // The example from the DSSE protocol document.
        byte[] pae = Dsse.pae("http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8));
        assertEquals("DSSEv1 29 http://example.com/HelloWorld 11 hello world",
                new String(pae, StandardCharsets.UTF_8));
    }

    @Test
    void signedEnvelopeIsCanonicalAndVerifies() {
        byte[] envelope = signer.sign(draft, Instant.parse("2026-11-22T00:00:00Z"));
        assertEquals(new String(envelope, StandardCharsets.UTF_8),
                new String(CanonicalJson.canonicalize(new String(envelope, StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8));
        Receipt receipt = Receipt.parse(envelope);
        assertEquals(ReceiptKind.STEP, receipt.kind());
        assertEquals("job.run", receipt.operation());
        assertEquals(ReceiptSigner.PREDICATE_TYPE, receipt.statement().path("predicateType").asText());
        assertEquals("0".repeat(64), receipt.statement().path("subject").get(0).path("digest").path("sha256").asText());
        assertEquals(key.publicKey(), ReceiptVerifier.verify(receipt, List.of(key.publicKey())).orElseThrow());
    }

    @Test
    void otherKeysAndChangedPayloadsDoNotVerify() {
        byte[] envelope = signer.sign(draft, Instant.EPOCH);
        Receipt receipt = Receipt.parse(envelope);
        assertTrue(ReceiptVerifier.verify(receipt, List.of(TestKeys.key(2).publicKey())).isEmpty());
        byte[] payload = receipt.payload();
        String changed = new String(payload, StandardCharsets.UTF_8).replace("\"exit\":0", "\"exit\":1");
        Receipt forged = new Receipt(receipt.payloadType(), changed.getBytes(StandardCharsets.UTF_8),
                receipt.signatures(), Json.parse(changed));
        assertTrue(ReceiptVerifier.verify(forged, List.of(key.publicKey())).isEmpty());
        Receipt wrongType = new Receipt("text/plain", payload, receipt.signatures(), receipt.statement());
        assertTrue(ReceiptVerifier.verify(wrongType, List.of(key.publicKey())).isEmpty());
    }

    @Test
    void malformedEnvelopesAreRefusedWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> Receipt.parse("{}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class, () -> Receipt.parse("not json".getBytes(StandardCharsets.UTF_8)));
        byte[] huge = new byte[Receipt.ENVELOPE_BYTES_MAX + 1];
        Arrays.fill(huge, (byte) ' ');
        assertThrows(IllegalArgumentException.class, () -> Receipt.parse(huge));
    }

    @Test
    void idsComeFromTheLeafHashAndLookupsNeedEnoughCharacters() {
        byte[] hash = new byte[32];
        hash[0] = (byte) 0xab;
        assertEquals("rx_ab000000000000000000", ReceiptIds.fromLeafHash(hash));
        assertEquals("ab000000", ReceiptIds.hexPart("rx_ab000000"));
        assertThrows(IllegalArgumentException.class, () -> ReceiptIds.hexPart("rx_ab"));
        assertThrows(IllegalArgumentException.class, () -> ReceiptIds.hexPart("rx_ZZ000000"));
    }
}

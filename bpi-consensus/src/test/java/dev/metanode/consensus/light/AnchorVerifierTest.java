package dev.metanode.consensus.light;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metanode.consensus.TestChains;
import dev.metanode.consensus.chain.BlockHeader;
import dev.metanode.consensus.chain.CommitSeal;
import dev.metanode.consensus.chain.Domains;
import dev.metanode.consensus.chain.Genesis;
import dev.metanode.consensus.chain.InvalidBlockException;
import dev.metanode.consensus.chain.SealedHeader;
import dev.metanode.consensus.chain.ValidatorSet;
import dev.metanode.consensus.poh.PohRecorder;
import dev.metanode.consensus.vrf.Ecvrf;
import dev.metanode.consensus.vrf.VrfSecretKey;
import dev.metanode.core.codec.Json;
import dev.metanode.core.crypto.SigningKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The light client's anchoring check: seals, quorum, the named checkpoint, and validator-set changes. */
class AnchorVerifierTest {
    private static final String NOTE = "metanode/test-chain\n3\nAAAA\n\n— metanode/test-chain sig\n";
    private final List<SigningKey> keys = TestChains.keys(5);
    private final Genesis genesis = TestChains.genesis(keys.subList(0, 4));

    @Test
    void aHeaderSealedByAQuorumThatNamesTheCheckpointVerifies() throws Exception {
        SealedHeader h = header(7, genesis.validators(), keys.subList(0, 3), List.of(NOTE));
        AnchorVerifier.Anchored a = AnchorVerifier.verify(AnchorVerifier.toJson(h, List.of()), genesis, NOTE);
        assertEquals(7, a.height());
        assertEquals(genesis.validators(), a.sealedBy());
    }

    @Test
    void tooFewSealsAnotherCheckpointOrAnotherChainAreRefused() {
        SealedHeader twoOfFour = header(7, genesis.validators(), keys.subList(0, 2), List.of(NOTE));
        assertTrue(fails(AnchorVerifier.toJson(twoOfFour, List.of()), NOTE).contains("quorum"));
        SealedHeader other = header(7, genesis.validators(), keys.subList(0, 3), List.of("another\n1\nAAAA\n"));
        assertTrue(fails(AnchorVerifier.toJson(other, List.of()), NOTE).contains("does not anchor"));
        Genesis elsewhere = new Genesis("other-chain", genesis.validators(), 1);
        assertThrows(InvalidBlockException.class, () -> AnchorVerifier.verify(
                AnchorVerifier.toJson(header(7, genesis.validators(), keys.subList(0, 3), List.of(NOTE)), List.of()),
                elsewhere, NOTE));
    }

    @Test
    void aForgedSealOrAnEditedHeaderIsRefused() {
        ObjectNode anchor = AnchorVerifier.toJson(header(7, genesis.validators(), keys.subList(0, 3), List.of(NOTE)), List.of());
        ObjectNode seal = (ObjectNode) anchor.path("seals").get(0);
        seal.put("signature", java.util.Base64.getEncoder().encodeToString(new byte[64]));
        assertTrue(fails(anchor, NOTE).contains("bad seal"));
        ObjectNode edited = AnchorVerifier.toJson(header(7, genesis.validators(), keys.subList(0, 3), List.of(NOTE)), List.of());
        edited.put("header", edited.path("header").asText().replace("\"timestampMs\":1000007", "\"timestampMs\":1000008"));
        assertTrue(fails(edited, NOTE).contains("bad seal"), "the seals cover the header's hash");
    }

    @Test
    void aValidatorSetChangeIsFollowedWhenTheTrustedSetVouchesForIt() throws Exception {
        // Validator 5 joins: the header naming the new set is sealed by the new set's quorum,
        // three of which are members of the trusted set (more than a third of its power).
        ValidatorSet next = new ValidatorSet(keys.stream().map(k -> TestChains.validator(k, 10)).toList());
        SealedHeader change = header(5, next, List.of(keys.get(0), keys.get(1), keys.get(2), keys.get(4)), List.of());
        SealedHeader anchoring = header(9, next, keys.subList(1, 5), List.of(NOTE));
        var step = new AnchorVerifier.SealedStep(change, next);
        AnchorVerifier.Anchored a = AnchorVerifier.verify(AnchorVerifier.toJson(anchoring, List.of(step)), genesis, NOTE);
        assertEquals(next, a.sealedBy());
        assertEquals(1, a.changesFollowed());
        // Without the change, the anchoring header names a set the genesis does not know.
        assertTrue(fails(AnchorVerifier.toJson(anchoring, List.of()), NOTE).contains("another validator set"));
    }

    @Test
    void aChangeTheTrustedSetDoesNotVouchForIsRefused() {
        // A wholly new set: none of the trusted validators sealed the change.
        List<SigningKey> strangers = List.of(dev.metanode.core.testing.TestKeys.key(40), dev.metanode.core.testing.TestKeys.key(41),
                dev.metanode.core.testing.TestKeys.key(42), dev.metanode.core.testing.TestKeys.key(43));
        ValidatorSet taken = new ValidatorSet(strangers.stream().map(k -> TestChains.validator(k, 10)).toList());
        SealedHeader change = header(5, taken, strangers, List.of());
        SealedHeader anchoring = header(9, taken, strangers, List.of(NOTE));
        var step = new AnchorVerifier.SealedStep(change, taken);
        assertTrue(fails(AnchorVerifier.toJson(anchoring, List.of(step)), NOTE).contains("more than a third"));
    }

    @Test
    void malformedAnchorsGiveAClearReason() {
        assertTrue(fails(Json.object(), NOTE).contains("needs 'header'"));
        ObjectNode bad = Json.object().put("header", "{not json").set("seals", Json.parse("[]"));
        assertTrue(fails(bad, NOTE).contains("bad header"));
    }

    private String fails(JsonNode anchor, String note) {
        return assertThrows(InvalidBlockException.class, () -> AnchorVerifier.verify(anchor, genesis, note)).getMessage();
    }

    /** A header at {@code height} naming {@code set}, proposed by its first member, sealed by {@code sealers}. */
    private static SealedHeader header(long height, ValidatorSet set, List<SigningKey> sealers, List<String> checkpoints) {
        SigningKey proposer = sealers.get(0);
        byte[] parent = new byte[32];
        byte[] proof = Ecvrf.prove(VrfSecretKey.derive(proposer), Domains.vrfInput(parent, height, 0));
        BlockHeader header = new BlockHeader("test-chain", height, 0, parent, PohRecorder.record(parent, List.of()),
                new byte[32], new byte[32], checkpoints, set.hash(), proposer.publicKey(), proof, 1_000_000L + height);
        return new SealedHeader(header, sealers.stream().map(k -> CommitSeal.sign(k, header.hash())).toList());
    }
}

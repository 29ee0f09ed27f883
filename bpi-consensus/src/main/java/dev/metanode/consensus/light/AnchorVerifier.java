package dev.metanode.consensus.light;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.consensus.chain.BlockHeader;
import dev.metanode.consensus.chain.CommitSeal;
import dev.metanode.consensus.chain.Genesis;
import dev.metanode.consensus.chain.HeaderCodec;
import dev.metanode.consensus.chain.HeaderVerifier;
import dev.metanode.consensus.chain.InvalidBlockException;
import dev.metanode.consensus.chain.SealedHeader;
import dev.metanode.consensus.chain.ValidatorSet;
import dev.metanode.core.codec.Json;
import dev.metanode.core.crypto.PublicKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Light-client check of a checkpoint's anchoring: starting from a trusted genesis validator set, it
 * follows the validator-set changes the anchor lists and checks that the anchoring header is sealed
 * by a quorum of the set in force and names the checkpoint. Nothing but the genesis is trusted: no
 * node, no network, no chain data.
 *
 * <p>A change is accepted the way Tendermint's light client skips ahead: the header that first names
 * the new set must carry seals of more than two thirds of the new set's power (so it is final for the
 * new set) and of more than one third of the trusted set's power (so at least one honest member of
 * the set already trusted vouches for it, as long as fewer than a third of it are faulty).
 *
 * <p>The anchor's JSON form ({@link #toJson}, inside a proof bundle's {@code anchor} field):
 * <pre>{"height": H, "header": "&lt;canonical header JSON&gt;", "seals": [{"validator", "signature"}...],
 *  "validatorChanges": [{"header", "seals", "validators": [...]}...]}</pre>
 */
public final class AnchorVerifier {
    /** Changes one anchor may list; far more than a chain's history of set changes should need. */
    public static final int CHANGES_MAX = 1024;
    /** Seals one header may carry: one per validator at most. */
    static final int SEALS_MAX = ValidatorSet.VALIDATORS_MAX;

    private AnchorVerifier() {}

    /** A verified anchoring: the block and the validator set that sealed it. */
    public record Anchored(long height, String blockHash, ValidatorSet sealedBy, int changesFollowed) {}

    /** One header with its seals, and for a validator-set change, the new set the header names. */
    public record SealedStep(SealedHeader sealed, ValidatorSet validators) {}

    /**
     * @param anchor     the bundle's anchor object
     * @param genesis    the trusted genesis
     * @param checkpoint the signed checkpoint note the bundle's inclusion proof leads to
     * @throws InvalidBlockException naming what does not hold
     */
    public static Anchored verify(JsonNode anchor, Genesis genesis, String checkpoint) throws InvalidBlockException {
        SealedHeader target = sealedHeader(anchor);
        List<SealedStep> changes = changes(anchor.path("validatorChanges"));
        ValidatorSet trusted = genesis.validators();
        long lastHeight = 0;
        for (SealedStep change : changes) {
            BlockHeader h = change.sealed().header();
            requireChain(h, genesis);
            if (h.height() <= lastHeight) {
                throw new InvalidBlockException("validator changes are not in height order at height " + h.height());
            }
            HeaderVerifier.verify(change.sealed(), change.validators());
            long vouched = sealedPower(change.sealed(), trusted);
            if (vouched <= trusted.totalPower() / 3) {
                throw new InvalidBlockException("the change at height " + h.height() + " carries seals of power "
                        + vouched + " from the trusted set; more than a third (" + trusted.totalPower() / 3
                        + ") is needed");
            }
            trusted = change.validators();
            lastHeight = h.height();
        }
        BlockHeader header = target.header();
        requireChain(header, genesis);
        if (header.height() < lastHeight) {
            throw new InvalidBlockException("the anchoring header is older than the last validator change");
        }
        HeaderVerifier.verify(target, trusted);
        if (!header.checkpoints().contains(checkpoint)) {
            throw new InvalidBlockException("block " + header.height() + " does not anchor this checkpoint");
        }
        return new Anchored(header.height(), Base64.getEncoder().encodeToString(header.hash()), trusted, changes.size());
    }

    /** The anchor object for a bundle: the anchoring header with its seals and the changes since genesis. */
    public static com.fasterxml.jackson.databind.node.ObjectNode toJson(SealedHeader anchoring, List<SealedStep> changes) {
        var root = Json.object();
        root.put("height", anchoring.header().height());
        write(root, anchoring);
        var list = root.putArray("validatorChanges");
        for (SealedStep change : changes) {
            var c = list.addObject();
            write(c, change.sealed());
            c.set("validators", Json.parse(change.validators().encode()));
        }
        return root;
    }

    private static void write(com.fasterxml.jackson.databind.node.ObjectNode out, SealedHeader sealed) {
        out.put("header", new String(sealed.header().encode(), StandardCharsets.UTF_8));
        var seals = out.putArray("seals");
        for (CommitSeal seal : sealed.seals()) {
            seals.addObject().put("validator", seal.validator().base64())
                    .put("signature", Base64.getEncoder().encodeToString(seal.signature()));
        }
    }

    private static void requireChain(BlockHeader header, Genesis genesis) throws InvalidBlockException {
        if (!header.chainId().equals(genesis.chainId())) {
            throw new InvalidBlockException("header is of chain " + header.chainId() + ", the trusted genesis of "
                    + genesis.chainId());
        }
    }

    private static long sealedPower(SealedHeader sealed, ValidatorSet set) {
        Set<PublicKey> counted = new HashSet<>();
        long power = 0;
        for (CommitSeal seal : sealed.seals()) {
            // Seals were verified against the new set; a trusted member's seal counts once.
            if (set.contains(seal.validator()) && counted.add(seal.validator())) {
                power += set.power(seal.validator());
            }
        }
        return power;
    }

    private static List<SealedStep> changes(JsonNode list) throws InvalidBlockException {
        List<SealedStep> out = new ArrayList<>();
        if (list.isMissingNode() || list.isNull()) {
            return out;
        }
        if (!list.isArray() || list.size() > CHANGES_MAX) {
            throw new InvalidBlockException("anchor field 'validatorChanges' must be a list of at most " + CHANGES_MAX);
        }
        for (JsonNode change : list) {
            ValidatorSet set;
            try {
                set = ValidatorSet.decode(Json.write(change.path("validators")).getBytes(StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                throw new InvalidBlockException("bad validator set in a change: " + Json.firstLine(e.getMessage()));
            }
            SealedHeader sealed = sealedHeader(change);
            if (!Arrays.equals(sealed.header().validatorsHash(), set.hash())) {
                throw new InvalidBlockException("the change at height " + sealed.header().height()
                        + " lists a set its header does not name");
            }
            out.add(new SealedStep(sealed, set));
        }
        return out;
    }

    private static SealedHeader sealedHeader(JsonNode node) throws InvalidBlockException {
        if (!node.path("header").isTextual() || !node.path("seals").isArray() || node.path("seals").size() > SEALS_MAX) {
            throw new InvalidBlockException("an anchor needs 'header' (canonical JSON text) and at most " + SEALS_MAX
                    + " 'seals'");
        }
        BlockHeader header;
        try {
            header = HeaderCodec.decode(node.path("header").asText().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new InvalidBlockException("bad header: " + Json.firstLine(e.getMessage()));
        }
        List<CommitSeal> seals = new ArrayList<>();
        for (JsonNode s : node.path("seals")) {
            try {
                seals.add(new CommitSeal(PublicKey.fromBase64(s.path("validator").asText()),
                        Base64.getDecoder().decode(s.path("signature").asText())));
            } catch (RuntimeException e) {
                throw new InvalidBlockException("bad seal: " + Json.firstLine(e.getMessage()));
            }
        }
        return new SealedHeader(header, seals);
    }
}

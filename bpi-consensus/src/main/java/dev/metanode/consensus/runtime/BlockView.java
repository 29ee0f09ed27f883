package dev.metanode.consensus.runtime;

import dev.metanode.consensus.chain.BlockHeader;
import dev.metanode.consensus.chain.CommitSeal;
import dev.metanode.consensus.chain.SealedBlock;
import dev.metanode.core.ledger.Transaction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A final block in a JSON-friendly form for the CLI: the header's fields (bytes as base64, the same
 * names as the canonical header JSON), the commit seals and the transaction ids. {@code headerJson}
 * is the exact canonical header whose SHA-256 is {@code hash}, for anyone who wants to re-check it.
 */
public record BlockView(long height, String hash, Map<String, Object> header, String headerJson, List<Seal> seals,
        List<String> txIds) {
    public BlockView {
        header = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(header)); // keeps the field order for display
        seals = List.copyOf(seals);
        txIds = List.copyOf(txIds);
    }

    /** One validator's commit seal over the block hash. */
    public record Seal(String validator, String signature) {}

    static BlockView of(SealedBlock sealed) {
        BlockHeader h = sealed.header();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("chainId", h.chainId());
        header.put("height", h.height());
        header.put("round", h.round());
        header.put("parentHash", b64(h.parentHash()));
        header.put("timestampMs", h.timestampMillis());
        header.put("proposer", h.proposer().base64());
        header.put("vrfProof", b64(h.vrfProof()));
        header.put("txRoot", b64(h.txRoot()));
        header.put("stateRoot", b64(h.stateRoot()));
        header.put("validatorsHash", b64(h.validatorsHash()));
        header.put("checkpoints", List.copyOf(h.checkpoints()));
        Map<String, Object> poh = new LinkedHashMap<>();
        poh.put("start", b64(h.poh().start()));
        poh.put("hashCount", h.poh().hashCount());
        poh.put("end", b64(h.poh().end()));
        poh.put("mixins", java.util.Arrays.stream(h.poh().mixins()).boxed().toList());
        header.put("poh", java.util.Collections.unmodifiableMap(poh));
        List<Seal> seals = sealed.seals().stream().map(BlockView::seal).toList();
        List<String> txIds = sealed.block().transactions().stream().map(Transaction::idHex).toList();
        return new BlockView(h.height(), b64(sealed.block().hash()), header,
                new String(h.encode(), StandardCharsets.UTF_8), seals, txIds);
    }

    private static Seal seal(CommitSeal seal) {
        return new Seal(seal.validator().base64(), b64(seal.signature()));
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}

package dev.metanode.cli.command;

import dev.metanode.cli.UserException;
import dev.metanode.cli.home.GenesisFile;
import dev.metanode.consensus.chain.Genesis;
import dev.metanode.consensus.chain.InvalidBlockException;
import dev.metanode.consensus.chain.Validator;
import dev.metanode.consensus.light.AnchorVerifier;
import dev.metanode.consensus.light.GenesisJson;
import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.log.NoteVerifierKey;
import dev.metanode.core.log.ProofBundle;
import dev.metanode.core.log.VerificationReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The light-client step of verify: the block anchoring the bundle's checkpoint is sealed by a quorum. */
final class AnchorCheck {
    private AnchorCheck() {}

    /**
     * @param explicitGenesis the genesis the user named (--genesis): unreadable is an error; or null
     * @param defaultGenesis  a genesis to try when none is named (the node's own, online); or null
     */
    static void check(ProofBundle bundle, List<NoteVerifierKey> trusted, Path explicitGenesis, Path defaultGenesis,
            VerificationReport report) {
        Genesis genesis = null;
        String trustedBecause = null;
        Path file = explicitGenesis != null ? explicitGenesis : defaultGenesis;
        if (file != null) {
            try {
                genesis = GenesisFile.read(file, null);
                trustedBecause = "genesis from " + file;
            } catch (IOException | IllegalArgumentException e) {
                if (explicitGenesis != null) {
                    throw new UserException("cannot use --genesis " + file + ": " + e.getMessage());
                }
            }
        }
        if (genesis == null) {
            try {
                genesis = GenesisJson.fromJson(bundle.anchor().path("genesis"));
            } catch (IllegalArgumentException e) {
                report.fail("anchoring", "the bundle's genesis is malformed (" + e.getMessage() + "); pass --genesis FILE");
                return;
            }
            Set<PublicKey> keys = trusted.stream().map(NoteVerifierKey::publicKey).collect(Collectors.toSet());
            if (!genesis.validators().validators().stream().map(Validator::key).allMatch(keys::contains)) {
                report.fail("anchoring", "the bundle's genesis names validators that are not trusted keys; pass "
                        + "--genesis with the chain's genesis.json");
                return;
            }
            trustedBecause = "genesis validators are all trusted keys";
        }
        try {
            AnchorVerifier.Anchored a = AnchorVerifier.verify(bundle.anchor(), genesis, bundle.checkpoint());
            report.pass("anchoring", "block " + a.height() + " of chain " + genesis.chainId() + " anchors the checkpoint,"
                    + " sealed by a quorum of " + a.sealedBy().size() + " validator(s) (" + trustedBecause
                    + (a.changesFollowed() > 0 ? ", " + a.changesFollowed() + " validator-set changes followed" : "") + ")");
        } catch (InvalidBlockException e) {
            report.fail("anchoring", e.getMessage());
        }
    }
}

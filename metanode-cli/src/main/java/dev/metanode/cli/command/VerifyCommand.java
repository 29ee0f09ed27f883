package dev.metanode.cli.command;

import dev.metanode.cli.UserException;
import dev.metanode.cli.client.ApiClient;
import dev.metanode.cli.options.HomeOptions;
import dev.metanode.cli.options.OutputOptions;
import dev.metanode.core.codec.Json;
import dev.metanode.core.log.BundleVerifier;
import dev.metanode.core.log.NoteVerifierKey;
import dev.metanode.core.log.ProofBundle;
import dev.metanode.core.log.VerificationReport;
import dev.metanode.httpcage.notary.ExchangeProof;
import dev.metanode.httpcage.notary.ExchangeStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Verifies a receipt: signature, id, inclusion in the log, checkpoint signature. Online it asks
 * the node for the bundle and checks it here; with --bundle it needs no node at all.
 */
@Command(name = "verify", description = {"Verify a receipt (from the node) or an offline bundle (no node needed).",
        "Checks the receipt's signature, its id, its inclusion proof and the checkpoint's signature."})
public final class VerifyCommand implements Callable<Integer> {
    @Mixin
    HomeOptions homeOptions;

    @Mixin
    OutputOptions output;

    @ArgGroup(multiplicity = "1")
    Target target;

    /** Exactly one of a receipt id or a bundle file. */
    static final class Target {
        @Parameters(paramLabel = "ID", description = "Receipt id (rx_…) or HTTP exchange id (hx_…) to fetch from the node and verify.")
        String id;

        @Option(names = "--bundle", paramLabel = "FILE", description = "Offline bundle from 'receipts export'.")
        Path bundle;
    }

    @Option(names = "--trust", paramLabel = "KEYFILE",
            description = "Trusted verifier key file(s) ('metanode key show' prints one). Needed with --bundle; "
                    + "online, defaults to the node's own key.")
    List<Path> trust = List.of();

    @Option(names = "--genesis", paramLabel = "FILE",
            description = "The chain's genesis.json to trust for checking the anchoring block's commit seals. "
                    + "Without it, a bundle's own genesis is trusted only if all its validators are --trust keys.")
    Path genesis;

    @Override
    public Integer call() {
        byte[] bytes;
        List<NoteVerifierKey> keys;
        String source;
        if (target.bundle != null) {
            if (trust.isEmpty()) {
                throw new UserException("--bundle needs --trust KEYFILE: the public key(s) you trust");
            }
            keys = TrustedKeys.read(trust);
            bytes = readBundle(target.bundle);
            source = target.bundle.toString();
        } else {
            ApiClient client = ApiClient.connect(homeOptions.home());
            keys = trust.isEmpty() ? TrustedKeys.ofHome(homeOptions.home()) : TrustedKeys.read(trust);
            bytes = client.getBytes(target.id.startsWith(ExchangeStore.ID_PREFIX)
                    ? "/api/v1/exchanges/" + target.id + "/proof" : "/api/v1/receipts/" + target.id + "/bundle");
            source = client.baseUrl();
        }
        VerificationReport report;
        String what;
        ProofBundle receipt;
        if (ExchangeProof.isExchangeProof(Json.parse(bytes))) {
            // One HTTP exchange: the batch receipt's bundle, then the record's path to the root it signs.
            ExchangeProof proof = ExchangeProof.parse(bytes);
            report = proof.verify(keys);
            what = proof.exchangeId() + " (in " + proof.receipt().receiptId() + ")";
            receipt = proof.receipt();
        } else {
            receipt = ProofBundle.parse(bytes);
            report = new BundleVerifier(keys).verify(receipt);
            what = receipt.receiptId();
        }
        boolean anchored = receipt.anchor() != null;
        if (report.passed() && anchored) {
            // Online, the node's own genesis.json is the default, as its key is the default trust.
            AnchorCheck.check(receipt, keys, genesis, target.bundle == null ? homeOptions.home().genesis() : null, report);
        }
        print(what, anchored, source, report);
        if (!report.passed()) {
            throw new UserException("verification FAILED: " + report.failure(), 1);
        }
        return 0;
    }

    private static byte[] readBundle(Path file) {
        try {
            if (Files.size(file) > ProofBundle.BUNDLE_BYTES_MAX) {
                throw new UserException(file + " is larger than a bundle can be");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserException("no such bundle file: " + file);
        } catch (IOException e) {
            throw new UserException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private void print(String what, boolean anchored, String source, VerificationReport report) {
        if (output.json()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("receiptId", what);
            out.put("source", source);
            out.put("verified", report.passed());
            out.put("anchored", anchored);
            out.put("checks", report.checks());
            System.out.println(Json.pretty(out));
            return;
        }
        System.out.println("verifying " + what + " from " + source);
        for (VerificationReport.Check check : report.checks()) {
            System.out.println("  " + (check.passed() ? "ok  " : "FAIL") + "  " + check.name() + ": " + check.detail());
        }
        if (report.passed() && anchored) {
            System.out.println("verified: " + what + " is signed, logged, covered by a signed checkpoint,"
                    + " and that checkpoint is final in a block sealed by a validator quorum");
        } else if (report.passed()) {
            System.out.println("verified: " + what + " is signed, logged, and covered by a signed checkpoint"
                    + " (not anchored in a block yet: the chain anchors checkpoints within seconds; export again later)");
        }
    }
}

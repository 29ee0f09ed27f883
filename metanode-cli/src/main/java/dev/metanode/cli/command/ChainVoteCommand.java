package dev.metanode.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.cli.UserException;
import dev.metanode.cli.client.ApiClient;
import dev.metanode.cli.client.TxBatch;
import dev.metanode.cli.options.HomeOptions;
import dev.metanode.cli.options.OutputOptions;
import dev.metanode.consensus.chain.Validator;
import dev.metanode.consensus.state.ValidatorChange;
import dev.metanode.consensus.state.ValidatorModule;
import dev.metanode.core.codec.Json;
import dev.metanode.core.crypto.KeyFiles;
import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.ledger.Transaction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * metanode chain vote stake|remove KEY: this validator's vote (a {@code validators/change}
 * transaction signed with the node key) for a change to the validator set. A change is scheduled
 * once validators holding more than 2/3 of the power voted for the identical change, and takes
 * effect {@value ValidatorModule#CHANGE_DELAY_BLOCKS} blocks later.
 *
 * <p>No {@code add} here yet: a node outside the genesis set cannot start, so a member added now
 * could never sign, and on a small set it would take the quorum with it.
 */
@Command(name = "vote", description = {"Vote, as this validator, for a change to the validator set.",
        "Every validator votes for the identical change (same operation, key, power and --nonce); once validators"
                + " with more than 2/3 of the power have, it takes effect " + ValidatorModule.CHANGE_DELAY_BLOCKS
                + " blocks later. `metanode chain status` shows the set."})
public final class ChainVoteCommand implements Callable<Integer> {
    /** What the vote changes. */
    enum Operation { stake, remove }

    @Mixin
    HomeOptions homeOptions;

    @Mixin
    OutputOptions output;

    @Parameters(index = "0", paramLabel = "OPERATION", description = "stake (set a member's power) or remove (a member).")
    Operation operation;

    @Parameters(index = "1", paramLabel = "KEY", description = "The member's Ed25519 public key, base64 (as `metanode chain status` shows it).")
    String key;

    @Option(names = "--power", paramLabel = "N", description = "The member's new voting power (stake only), 1 to " + Validator.POWER_MAX + ".")
    Long power;

    @Option(names = "--nonce", paramLabel = "N", defaultValue = "0",
            description = "Tells apart changes that are otherwise identical; all voters give the same one (default 0).")
    long nonce;

    @Override
    public Integer call() throws java.io.IOException {
        PublicKey member = member(key);
        ValidatorChange change = switch (operation) {
            case stake -> {
                if (power == null || power < 1 || power > Validator.POWER_MAX) {
                    throw new UserException("stake needs --power between 1 and " + Validator.POWER_MAX);
                }
                yield ValidatorChange.stake(member, power, nonce);
            }
            case remove -> {
                if (power != null) {
                    throw new UserException("--power is for stake; remove takes none");
                }
                yield ValidatorChange.remove(member, nonce);
            }
        };
        var home = homeOptions.home();
        var signer = KeyFiles.readSigningKey(home.nodeKey());
        // The transaction's own nonce only keeps a repeated vote from being a duplicate transaction.
        Transaction tx = Transaction.sign(signer, ValidatorModule.MODULE, ValidatorModule.CHANGE, System.currentTimeMillis(),
                change.encode());
        JsonNode result = ApiClient.connect(home).post("/api/v1/chain/txs", TxBatch.encode(List.of(tx))).path("results").get(0);
        boolean applied = "applied".equals(result.path("status").asText());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("operation", operation.name());
        row.put("key", member.base64());
        row.put("power", operation == Operation.stake ? power : 0);
        row.put("nonce", nonce);
        row.put("tx", result.path("id").asText());
        row.put("status", result.path("status").asText());
        row.put("height", result.path("height").asLong());
        row.put("failure", result.path("failure").asText(""));
        if (output.json()) {
            System.out.println(Json.pretty(row));
        } else if (applied) {
            System.out.println("vote for " + operation + " " + member.base64()
                    + (operation == Operation.stake ? " --power " + power : "") + " recorded in block " + row.get("height")
                    + " (tx " + row.get("tx") + ")");
            System.out.println("it takes effect " + ValidatorModule.CHANGE_DELAY_BLOCKS
                    + " blocks after validators with more than 2/3 of the power voted for it; see `metanode chain status`");
        } else {
            System.err.println("vote refused (" + row.get("status") + "): " + row.get("failure"));
        }
        return applied ? 0 : 1;
    }

    private static PublicKey member(String text) {
        try {
            return PublicKey.fromBase64(text);
        } catch (IllegalArgumentException e) {
            throw new UserException("'" + text + "' is not an Ed25519 public key in base64 (44 characters, as "
                    + "`metanode chain status` shows): " + e.getMessage());
        }
    }
}

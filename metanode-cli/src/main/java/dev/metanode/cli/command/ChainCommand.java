package dev.metanode.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.cli.UserException;
import dev.metanode.cli.client.ApiClient;
import dev.metanode.cli.client.TxBatch;
import dev.metanode.cli.options.HomeOptions;
import dev.metanode.cli.options.OutputOptions;
import dev.metanode.consensus.notary.NotaryModule;
import dev.metanode.core.codec.Json;
import dev.metanode.core.crypto.KeyFiles;
import dev.metanode.core.ledger.Transaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The node's chain: height, validators, blocks with their commit seals and anchored checkpoints. */
@Command(name = "chain", description = "The BPI chain this node runs.",
        subcommands = {ChainCommand.Status.class, ChainCommand.Block.class, ChainCommand.Attest.class,
                ChainVoteCommand.class})
public final class ChainCommand {
    /** metanode chain status. */
    @Command(name = "status", description = "Height, last block, validators, mempool.")
    public static final class Status implements Callable<Integer> {
        @Mixin
        HomeOptions homeOptions;

        @Mixin
        OutputOptions output;

        @Override
        public Integer call() {
            JsonNode s = ApiClient.connect(homeOptions.home()).get("/api/v1/chain/status");
            if (output.json()) {
                System.out.println(Json.pretty(s));
                return 0;
            }
            System.out.printf("height      %d%nlast block  %s%nproposer    %s%nvalidators  %d%nmempool     %d%n"
                    + "round       %d%n", s.path("height").asLong(), s.path("lastBlockHash").asText(),
                    s.path("lastProposer").asText(), s.path("validators").size(), s.path("mempoolSize").asInt(),
                    s.path("round").asInt());
            for (JsonNode v : s.path("validators")) {
                System.out.printf("  %s  power %d%n", v.path("key").asText(), v.path("power").asLong());
            }
            return 0;
        }
    }

    /** metanode chain block H. */
    @Command(name = "block", description = "One block: header (PoH segment, VRF proof, anchored checkpoints) and seals.")
    public static final class Block implements Callable<Integer> {
        @Mixin
        HomeOptions homeOptions;

        @Parameters(paramLabel = "HEIGHT", description = "Block height.")
        long height;

        @Override
        public Integer call() {
            System.out.println(Json.pretty(ApiClient.connect(homeOptions.home()).get("/api/v1/chain/blocks/" + height)));
            return 0;
        }
    }

    /** metanode chain attest FILE... */
    @Command(name = "attest", description = {"Record files' SHA-256 digests on the chain (notary/attest, signed with "
            + "the node key), so a final block shows they existed then.", "A digest attested before is refused: the first "
            + "attestation stands."})
    public static final class Attest implements Callable<Integer> {
        @Mixin
        HomeOptions homeOptions;

        @Mixin
        OutputOptions output;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to attest.")
        List<Path> files;

        @Override
        public Integer call() throws Exception {
            var home = homeOptions.home();
            var key = KeyFiles.readSigningKey(home.nodeKey());
            List<Transaction> txs = new ArrayList<>();
            List<String> digests = new ArrayList<>();
            long nonce = System.currentTimeMillis();
            for (Path file : files) {
                byte[] digest = sha256(file);
                digests.add(HexFormat.of().formatHex(digest));
                txs.add(NotaryModule.attest(key, digest, nonce++));
            }
            JsonNode answer = ApiClient.connect(home).post("/api/v1/chain/txs",
                    TxBatch.encode(txs));
            int failed = 0;
            var rows = new ArrayList<Map<String, Object>>();
            for (int i = 0; i < files.size(); i++) {
                JsonNode r = answer.path("results").get(i);
                failed += r.path("status").asText().equals("applied") ? 0 : 1;
                var row = new LinkedHashMap<String, Object>();
                row.put("file", files.get(i).toString());
                row.put("sha256", digests.get(i));
                row.put("tx", r.path("id").asText());
                row.put("status", r.path("status").asText());
                row.put("height", r.path("height").asLong());
                row.put("failure", r.path("failure").asText(""));
                rows.add(row);
            }
            if (output.json()) {
                System.out.println(Json.pretty(rows));
            } else {
                for (var row : rows) {
                    System.out.println(row.get("file") + "  sha256 " + row.get("sha256") + "  " + (row.get("status").equals("applied")
                            ? "attested in block " + row.get("height") + " (tx " + row.get("tx") + ")"
                            : row.get("status") + ": " + row.get("failure")));
                }
            }
            return failed == 0 ? 0 : 1;
        }

        private static byte[] sha256(Path file) {
            try (var in = Files.newInputStream(file)) {
                var md = MessageDigest.getInstance("SHA-256");
                byte[] buffer = new byte[1 << 16];
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    md.update(buffer, 0, n);
                }
                return md.digest();
            } catch (NoSuchFileException e) {
                throw new UserException("no such file: " + file);
            } catch (IOException e) {
                throw new UserException("cannot read " + file + ": " + e.getMessage());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

package dev.metanode.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.cli.UserException;
import dev.metanode.cli.client.ApiClient;
import dev.metanode.cli.options.HomeOptions;
import dev.metanode.core.log.Checkpoint;
import dev.metanode.core.log.CheckpointVerifier;
import dev.metanode.core.log.MerkleVerifier;
import dev.metanode.core.log.NoteVerifierKey;
import dev.metanode.core.log.ProofException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Proves the log only grew since an old checkpoint: nothing in it was changed or removed. */
@Command(name = "consistency", description = "Prove the log only grew since a saved checkpoint.")
public final class ConsistencyCommand implements Callable<Integer> {
    @Mixin
    HomeOptions homeOptions;

    @Option(names = "--from", paramLabel = "CHECKPOINT_FILE", required = true,
            description = "A checkpoint saved earlier ('metanode receipts checkpoint --out FILE').")
    Path from;

    @Option(names = "--trust", paramLabel = "KEYFILE", description = "Trusted key file (default: the node's own key).")
    List<Path> trust = List.of();

    @Override
    public Integer call() throws IOException {
        List<NoteVerifierKey> keys = trust.isEmpty() ? TrustedKeys.ofHome(homeOptions.home()) : TrustedKeys.read(trust);
        String oldNote = Files.readString(from);
        Checkpoint old = verified(oldNote, keys, "the checkpoint in " + from);
        ApiClient client = ApiClient.connect(homeOptions.home());
        JsonNode answer = client.get("/api/v1/log/consistency?from=" + old.size());
        Checkpoint now = verified(answer.path("checkpoint").asText(), keys, "the node's newest checkpoint");
        if (!now.origin().equals(old.origin())) {
            throw new UserException("the checkpoints are of different logs: " + old.origin() + " vs " + now.origin());
        }
        List<byte[]> proof = new ArrayList<>();
        answer.path("proof").forEach(h -> proof.add(Base64.getDecoder().decode(h.asText())));
        try {
            MerkleVerifier.verifyConsistency(old.size(), now.size(), proof, old.rootHash(), now.rootHash());
        } catch (ProofException e) {
            throw new UserException("NOT consistent: the log at size " + now.size() + " does not extend the one at size "
                    + old.size() + ": " + e.getMessage());
        }
        System.out.printf("consistent: the log grew from %d to %d receipts and nothing before %d changed "
                + "(%d proof hashes, both checkpoints signed by a trusted key)%n", old.size(), now.size(), old.size(),
                proof.size());
        return 0;
    }

    private static Checkpoint verified(String note, List<NoteVerifierKey> keys, String what) {
        for (NoteVerifierKey key : keys) {
            try {
                return CheckpointVerifier.verify(note, key);
            } catch (Exception e) {
                // try the next trusted key
            }
        }
        throw new UserException(what + " is not signed by a trusted key");
    }
}

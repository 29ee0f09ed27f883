package dev.metanode.consensus.runtime;

import java.util.List;

/**
 * A read-only snapshot of one validator's view of the chain, for the CLI and the HTTP API. Only
 * strings and numbers, so it serialises to JSON as is. Keys and hashes are base64, like the header JSON.
 *
 * @param height           last final height (0 before the first block)
 * @param lastBlockHash    hash of that block, "" at height 0
 * @param lastProposer     proposer key of that block, "" at height 0
 * @param validators       the set deciding the next height, with voting power
 * @param mempoolSize      transactions waiting to be ordered
 * @param round            the current round of the next height
 * @param droppedMessages  inbound messages dropped because the inbound queue was full, since start
 */
public record ChainStatus(long height, String lastBlockHash, String lastProposer, List<ValidatorPower> validators,
        int mempoolSize, int round, long droppedMessages) {
    public ChainStatus {
        validators = List.copyOf(validators);
    }

    /** One member of the validator set. */
    public record ValidatorPower(String key, long power) {}
}

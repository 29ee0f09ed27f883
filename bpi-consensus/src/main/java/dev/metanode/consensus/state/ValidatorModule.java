package dev.metanode.consensus.state;

import dev.metanode.consensus.chain.ValidatorSet;
import dev.metanode.core.codec.CanonicalJson;
import dev.metanode.core.codec.Json;
import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.crypto.Sha256;
import dev.metanode.core.kernel.TxHandler;
import dev.metanode.core.ledger.StateView;
import dev.metanode.core.ledger.Transaction;
import dev.metanode.core.ledger.TxContext;
import dev.metanode.core.ledger.TxRejectedException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Consensus's own module, {@code validators}: the validator set lives in the replicated state. A
 * {@code change} transaction is one validator's vote for a {@link ValidatorChange}; once members with
 * more than two thirds of the power voted for the same change, it is scheduled for
 * {@link #CHANGE_DELAY_BLOCKS} blocks later, so every node knows each height's set well in advance.
 * {@code evidence} transactions (see {@link EvidenceRules}) slash and jail equivocators the same way.
 */
public final class ValidatorModule implements TxHandler {
    public static final String MODULE = "validators";
    public static final String CHANGE = "change";
    public static final String EVIDENCE = "evidence";
    /** A change voted in during block h applies from block h + this. */
    public static final long CHANGE_DELAY_BLOCKS = 2;
    /** Changes one height may have scheduled; bounds the work at a height boundary. */
    public static final int CHANGES_PER_HEIGHT_MAX = 64;
    static final byte[] SET_KEY = "set".getBytes(StandardCharsets.US_ASCII);

    private final EvidenceRules evidence;

    public ValidatorModule(String chainId, dev.metanode.consensus.chain.SignatureVerifier verifier) {
        this.evidence = new EvidenceRules(chainId, verifier);
    }

    @Override
    public String module() {
        return MODULE;
    }

    @Override
    public Set<String> types() {
        return Set.of(CHANGE, EVIDENCE);
    }

    @Override
    public void check(Transaction tx) throws TxRejectedException {
        if (tx.type().equals(CHANGE)) {
            parseChange(tx);
        } else {
            evidence.parse(tx.payload());
        }
    }

    @Override
    public void apply(Transaction tx, StateView state, TxContext context) throws TxRejectedException {
        ValidatorSet set = currentSet(state);
        if (tx.type().equals(EVIDENCE)) {
            evidence.apply(tx.payload(), set, state, context.height());
            return;
        }
        ValidatorChange change = parseChange(tx);
        if (!set.contains(tx.sender())) {
            throw new TxRejectedException("only validators vote on validator changes");
        }
        byte[] votesKey = key("votes/", Sha256.digest(change.encode()));
        List<String> voters = new ArrayList<>();
        state.get(votesKey).ifPresent(v -> Json.parse(v).forEach(n -> voters.add(n.asText())));
        if (!voters.contains(tx.sender().base64())) {
            voters.add(tx.sender().base64());
        }
        long power = voters.stream().mapToLong(k -> set.power(PublicKey.fromBase64(k))).sum();
        if (power >= set.quorumPower()) {
            state.delete(votesKey);
            schedule(state, context.height() + CHANGE_DELAY_BLOCKS, change);
        } else {
            state.put(votesKey, CanonicalJson.encode(voters));
        }
    }

    private static ValidatorChange parseChange(Transaction tx) throws TxRejectedException {
        try {
            ValidatorChange change = ValidatorChange.decode(Json.parse(tx.payload()));
            if (change.op() == ValidatorChange.Op.JAIL) {
                throw new TxRejectedException("only evidence jails a validator");
            }
            return change;
        } catch (IllegalArgumentException e) {
            throw new TxRejectedException("malformed validator change: " + e.getMessage());
        }
    }

    static void schedule(StateView state, long height, ValidatorChange change) throws TxRejectedException {
        byte[] key = pendingKey(height);
        List<ValidatorChange> pending = new ArrayList<>(state.get(key).map(ValidatorChange::decodeList).orElse(List.of()));
        if (pending.size() >= CHANGES_PER_HEIGHT_MAX) {
            throw new TxRejectedException("too many validator changes scheduled for height " + height);
        }
        pending.add(change);
        state.put(key, ValidatorChange.encodeList(pending));
    }

    /** At the end of block {@code height}: applies the changes due at the next height; returns the next set. */
    public static ValidatorSet endBlock(StateView state, long height) {
        ValidatorSet set = currentSet(state);
        byte[] key = pendingKey(height + 1);
        List<ValidatorChange> due = state.get(key).map(ValidatorChange::decodeList).orElse(List.of());
        for (ValidatorChange change : due) {
            set = change.applyTo(set).orElse(set);
        }
        if (!due.isEmpty()) {
            state.delete(key);
            state.put(SET_KEY, set.encode());
        }
        return set;
    }

    public static ValidatorSet currentSet(StateView state) {
        return ValidatorSet.decode(state.get(SET_KEY).orElseThrow(() -> new IllegalStateException("no validator set in state")));
    }

    public static void initialise(StateView state, ValidatorSet genesis) {
        state.put(SET_KEY, genesis.encode());
    }

    private static byte[] pendingKey(long height) {
        return key("pending/", ByteBuffer.allocate(8).putLong(height).array());
    }

    static byte[] key(String prefix, byte[] id) {
        return (prefix + HexFormat.of().formatHex(id)).getBytes(StandardCharsets.US_ASCII);
    }
}

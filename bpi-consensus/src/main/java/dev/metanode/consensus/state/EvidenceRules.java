package dev.metanode.consensus.state;

import dev.metanode.consensus.chain.SignatureVerifier;
import dev.metanode.consensus.chain.Validator;
import dev.metanode.consensus.chain.ValidatorSet;
import dev.metanode.consensus.codec.MalformedMessageException;
import dev.metanode.consensus.codec.WireReader;
import dev.metanode.consensus.codec.WireWriter;
import dev.metanode.consensus.payload.SignedPayload;
import dev.metanode.core.codec.CanonicalJson;
import dev.metanode.core.ledger.StateView;
import dev.metanode.core.ledger.TxRejectedException;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Equivocation evidence: two payloads one validator signed for the same type, height and round that
 * say different things. Proven evidence cuts the offender's power by {@link #SLASH_BASIS_POINTS} and
 * jails it (removes it from the set) after the usual change delay; each offence is punished once.
 */
public final class EvidenceRules {
    /** The share of power an equivocator loses, in 1/10,000ths: 10%. */
    public static final long SLASH_BASIS_POINTS = 1_000;

    private final String chainId;
    private final SignatureVerifier verifier;

    EvidenceRules(String chainId, SignatureVerifier verifier) {
        this.chainId = chainId;
        this.verifier = verifier;
    }

    /** The transaction payload for a pair of conflicting payloads. */
    public static byte[] encode(SignedPayload first, SignedPayload second) {
        WireWriter out = new WireWriter();
        first.write(out);
        second.write(out);
        return out.toByteArray();
    }

    SignedPayload[] parse(byte[] payload) throws TxRejectedException {
        try {
            WireReader in = new WireReader(payload);
            SignedPayload a = SignedPayload.read(in);
            SignedPayload b = SignedPayload.read(in);
            in.end();
            if (!a.conflictsWith(b)) {
                throw new TxRejectedException("the two payloads do not conflict");
            }
            return new SignedPayload[] {a, b};
        } catch (MalformedMessageException e) {
            throw new TxRejectedException("malformed evidence: " + e.getMessage());
        }
    }

    void apply(byte[] payload, ValidatorSet set, StateView state, long height) throws TxRejectedException {
        SignedPayload[] pair = parse(payload);
        for (SignedPayload p : pair) {
            if (!p.verify(chainId, verifier)) {
                throw new TxRejectedException("evidence signature does not verify");
            }
        }
        SignedPayload a = pair[0];
        Validator offender = set.find(a.signer())
                .orElseThrow(() -> new TxRejectedException("the offender is not a current validator"));
        byte[] offence = ByteBuffer.allocate(32 + 8 + 4 + 1).put(a.signer().bytes()).putLong(a.height())
                .putInt(a.round()).put((byte) a.type().code()).array();
        byte[] offenceKey = ValidatorModule.key("offence/", offence);
        if (state.get(offenceKey).isPresent()) {
            throw new TxRejectedException("this offence was already punished");
        }
        long slashed = Math.max(1, offender.power() - offender.power() * SLASH_BASIS_POINTS / 10_000);
        state.put(offenceKey, CanonicalJson.encode(Map.of("height", height, "powerAfterSlash", slashed)));
        state.put(ValidatorModule.key("jailed/", a.signer().bytes()),
                CanonicalJson.encode(Map.of("sinceHeight", height, "power", slashed)));
        ValidatorModule.schedule(state, height + ValidatorModule.CHANGE_DELAY_BLOCKS,
                new ValidatorChange(ValidatorChange.Op.JAIL, a.signer(), offender.vrfKey(), slashed, height));
    }
}

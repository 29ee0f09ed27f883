package dev.metanode.consensus.statemachine;

import dev.metanode.consensus.chain.Block;
import dev.metanode.consensus.chain.CommitSeal;
import dev.metanode.consensus.chain.Domains;
import dev.metanode.consensus.chain.SealedBlock;
import dev.metanode.consensus.chain.SignatureVerifier;
import dev.metanode.consensus.payload.Commit;
import dev.metanode.consensus.payload.MessageType;
import dev.metanode.consensus.payload.Prepare;
import dev.metanode.consensus.payload.Proposal;
import dev.metanode.consensus.payload.RoundChange;
import dev.metanode.consensus.payload.SignedPayload;
import dev.metanode.consensus.state.ExecutionResult;
import dev.metanode.consensus.state.SigningGuard.Prepared;
import dev.metanode.consensus.validation.CertificateValidator;
import dev.metanode.consensus.validation.HeightContext;
import dev.metanode.core.crypto.PublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * QBFT for one height (after Moniz and Saltini's QBFT, as Besu's qbft-core implements it): a round's
 * proposer proposes, validators prepare the proposal they accept, commit once a quorum prepared, and
 * the block is final once a quorum committed. A round that times out moves to the next with a round
 * change carrying the validator's prepared certificate; a proposer elected by a quorum of round
 * changes must re-propose the highest prepared block among them. That is what keeps two different
 * blocks from both reaching a commit quorum. Single-threaded: the node calls it from one thread.
 */
public final class QbftHeight {
    /** Rounds before the current one whose messages are still kept (a late commit quorum may finish them). */
    static final int ROUNDS_KEPT_BEHIND = 4;
    static final long NO_DEADLINE = Long.MAX_VALUE;

    private final HeightContext context;
    private final HeightHost host;
    private final RoundTimer timer;
    private final CertificateValidator certificates;
    private final SignatureVerifier verifier;
    private final Map<Integer, RoundMessages> rounds = new HashMap<>();
    private final RoundChanges roundChanges;
    private final ProposalJustifier justifier;
    private int round;
    private long deadline = NO_DEADLINE;
    /** When this node entered the current round (or began the height, for round 0). */
    private long roundStartedMillis;
    private Prepared prepared;
    private RoundChange ownRoundChange;
    private boolean decided;

    public QbftHeight(HeightContext context, HeightHost host, RoundTimer timer, SignatureVerifier verifier) {
        this.context = context;
        this.host = host;
        this.timer = timer;
        this.verifier = verifier;
        this.certificates = new CertificateValidator(context, verifier);
        this.roundChanges = new RoundChanges(context.validators());
        this.justifier = new ProposalJustifier(context, certificates);
        this.roundStartedMillis = host.nowMillis();
    }

    /** Starts (or, after a restart, resumes at {@code restoredRound} with the saved lock). */
    public void start(int restoredRound, Optional<Prepared> lock) {
        prepared = lock.orElse(null);
        if (restoredRound > 0) {
            // Announce the round again, unless this node prepared a block in it: a round change must
            // name a prepared round below its own, and a node that prepared in the round had entered
            // it long before; its timer moves it on with a valid round change.
            enterRound(restoredRound, prepared == null || prepared.round() < restoredRound);
        } else if (host.hasWork()) {
            startTimer();
        }
        tryPropose();
    }

    /** New transactions arrived: start the clock and propose if it is this node's turn. */
    public void onWork() {
        if (deadline == NO_DEADLINE && !decided) {
            startTimer();
        }
        tryPropose();
    }

    public long height() {
        return context.height();
    }

    public int round() {
        return round;
    }

    public long deadline() {
        return deadline;
    }

    public boolean decided() {
        return decided;
    }

    public HeightContext context() {
        return context;
    }

    public void onTimer(long nowMillis) {
        if (decided || nowMillis < deadline) {
            return;
        }
        host.roundTimedOut(round);
        PublicKey proposer = context.proposer(round);
        if (!proposer.equals(host.self())) {
            host.proposerMissedTurn(proposer, roundStartedMillis);
        }
        enterRound(round + 1, true);
    }

    /**
     * A round lasts its exponential timeout, except while some validator is known to be in a later
     * round: then only the base timeout, so that a validator behind catches up instead of keeping its
     * distance forever (with capped timeouts, equal round lengths would preserve any offset). A
     * round whose proposer is quiet (missed its last turn, silent since) lasts
     * {@link RoundTimer#quietProposerTimeoutMs}.
     */
    private void startTimer() {
        boolean behind = roundChanges.anyAbove(round);
        long timeout = timer.timeoutMs(behind ? 0 : round);
        if (host.quietProposer(context.proposer(round))) {
            timeout = Math.min(timeout, timer.quietProposerTimeoutMs());
        }
        deadline = host.nowMillis() + timeout;
    }

    private RoundMessages at(int r) {
        return rounds.computeIfAbsent(r, x -> new RoundMessages());
    }

    private void enterRound(int newRound, boolean announce) {
        round = newRound;
        roundStartedMillis = host.nowMillis();
        rounds.keySet().removeIf(r -> r < newRound - ROUNDS_KEPT_BEHIND);
        roundChanges.pruneBelow(newRound - ROUNDS_KEPT_BEHIND);
        startTimer();
        if (announce) {
            byte[] digest = prepared == null ? SignedPayload.NO_DIGEST : prepared.block().hash();
            int preparedRound = prepared == null ? -1 : prepared.round();
            host.sign(MessageType.ROUND_CHANGE, newRound, digest, preparedRound).ifPresent(p -> {
                ownRoundChange = new RoundChange(p, Optional.ofNullable(prepared).map(Prepared::block),
                        prepared == null ? List.of() : prepared.certificate());
                host.broadcast(ownRoundChange);
                onRoundChange(ownRoundChange);
            });
        }
        tryPropose();
    }

    private void tryPropose() {
        RoundMessages current = at(round);
        if (decided || current.proposed || !context.proposer(round).equals(host.self())) {
            return;
        }
        if (round == 0) {
            host.build(0).ifPresent(built -> propose(built.block(), built.execution(), List.of(), List.of()));
            return;
        }
        roundChanges.quorum(round).ifPresent(rcs -> {
            Optional<RoundChange> best = rcs.stream().filter(rc -> rc.payload().preparedRound() >= 0)
                    .max(java.util.Comparator.comparingInt(rc -> rc.payload().preparedRound()));
            List<SignedPayload> justification = rcs.stream().map(RoundChange::payload).toList();
            if (best.isPresent()) {
                Block block = best.get().preparedBlock().orElseThrow();
                host.validate(block).ifPresent(exec -> propose(block, exec, justification, best.get().preparedCertificate()));
            } else {
                host.build(round).or(() -> Optional.empty())
                        .ifPresent(built -> propose(built.block(), built.execution(), justification, List.of()));
            }
        });
    }

    private void propose(Block block, ExecutionResult execution, List<SignedPayload> rcs, List<SignedPayload> cert) {
        at(round).proposed = true;
        host.sign(MessageType.PROPOSAL, round, block.hash(), -1).ifPresent(p -> {
            Proposal proposal = new Proposal(p, block, rcs, cert);
            host.broadcast(proposal);
            accept(proposal, execution);
        });
    }

    public void onProposal(Proposal p) {
        SignedPayload pl = p.payload();
        int r = pl.round();
        if (decided || r < round || pl.type() != MessageType.PROPOSAL || !pl.hasDigest(p.block().hash())
                || !pl.signer().equals(context.proposer(r)) || !certificates.validMember(pl)) {
            return;
        }
        RoundMessages rm = at(r);
        if (rm.proposal != null) {
            if (rm.proposal.payload().conflictsWith(pl)) {
                host.equivocation(rm.proposal.payload(), pl);
            }
            return;
        }
        if (!justifier.justified(p)) {
            return;
        }
        host.validate(p.block()).ifPresent(exec -> {
            if (r > round) {
                enterRound(r, false);
            }
            accept(p, exec);
        });
    }

    private void accept(Proposal p, ExecutionResult execution) {
        RoundMessages rm = at(p.payload().round());
        rm.proposal = p;
        rm.execution = execution;
        host.sign(MessageType.PREPARE, p.payload().round(), p.block().hash(), -1).ifPresent(prepare -> {
            Prepare message = new Prepare(prepare);
            host.broadcast(message);
            onPrepare(message);
        });
        checkPrepared(p.payload().round());
        checkCommitted(p.payload().round());
    }

    public void onPrepare(Prepare m) {
        SignedPayload p = m.payload();
        if (decided || p.type() != MessageType.PREPARE || p.round() < round - ROUNDS_KEPT_BEHIND
                || p.round() > round + RoundChanges.ROUNDS_AHEAD_MAX || !certificates.validMember(p)) {
            return;
        }
        at(p.round()).addPrepare(p).ifPresent(earlier -> host.equivocation(earlier, p));
        checkPrepared(p.round());
    }

    private void checkPrepared(int r) {
        RoundMessages rm = at(r);
        if (r != round || rm.proposal == null || rm.sentCommit) {
            return;
        }
        byte[] hash = rm.proposal.block().hash();
        List<SignedPayload> prepares = rm.preparesFor(hash);
        if (RoundMessages.power(context.validators(), prepares.stream().map(SignedPayload::signer).toList())
                < context.validators().quorumPower()) {
            return;
        }
        rm.sentCommit = true;
        prepared = new Prepared(r, rm.proposal.block(), prepares);
        host.savePrepared(r, rm.proposal.block(), prepares);
        host.sign(MessageType.COMMIT, r, hash, -1).ifPresent(p -> {
            Commit commit = new Commit(p, host.seal(hash));
            host.broadcast(commit);
            onCommit(commit);
        });
    }

    public void onCommit(Commit c) {
        SignedPayload p = c.payload();
        if (decided || p.type() != MessageType.COMMIT || p.round() < round - ROUNDS_KEPT_BEHIND
                || p.round() > round + RoundChanges.ROUNDS_AHEAD_MAX || !certificates.validMember(p)
                || !verifier.verify(p.signer(), Domains.commitSeal(p.digest()), c.seal())) {
            return;
        }
        at(p.round()).addCommit(c).ifPresent(earlier -> host.equivocation(earlier, p));
        checkCommitted(p.round());
    }

    private void checkCommitted(int r) {
        RoundMessages rm = at(r);
        for (Commit any : List.copyOf(rm.commits().values())) {
            byte[] hash = any.payload().digest();
            List<Commit> commits = rm.commitsFor(hash);
            long power = RoundMessages.power(context.validators(), commits.stream().map(c -> c.payload().signer()).toList());
            if (decided || power < context.validators().quorumPower()) {
                continue;
            }
            Optional<Block> block = knownBlock(hash, rm);
            if (block.isEmpty()) {
                host.missingBlock();
                return;
            }
            ExecutionResult exec = rm.proposal != null && rm.proposal.block().equals(block.get()) && rm.execution != null
                    ? rm.execution : host.validate(block.get()).orElse(null);
            if (exec == null) {
                return;
            }
            decided = true;
            deadline = NO_DEADLINE;
            List<CommitSeal> seals = commits.stream().map(c -> new CommitSeal(c.payload().signer(), c.seal())).toList();
            host.decided(new SealedBlock(block.get(), seals), exec);
            return;
        }
    }

    private Optional<Block> knownBlock(byte[] hash, RoundMessages rm) {
        if (rm.proposal != null && rm.proposal.payload().hasDigest(hash)) {
            return Optional.of(rm.proposal.block());
        }
        if (prepared != null && java.util.Arrays.equals(prepared.block().hash(), hash)) {
            return Optional.of(prepared.block());
        }
        return rounds.values().stream().filter(x -> x.proposal != null && x.proposal.payload().hasDigest(hash))
                .map(x -> x.proposal.block()).findFirst();
    }

    public void onRoundChange(RoundChange m) {
        SignedPayload p = m.payload();
        if (decided || p.type() != MessageType.ROUND_CHANGE || p.round() < 1 || !justifier.validRoundChange(m)) {
            return;
        }
        roundChanges.add(m, round).ifPresent(earlier -> host.equivocation(earlier, p));
        if (p.round() > round && deadline != NO_DEADLINE) {
            deadline = Math.min(deadline, host.nowMillis() + timer.timeoutMs(0));
        }
        if (p.round() < round && ownRoundChange != null && !p.signer().equals(host.self())) {
            host.sendTo(p.signer(), ownRoundChange); // pull a validator that is behind into this round
        }
        roundChanges.weakQuorumJump(round).ifPresent(r -> enterRound(r, true));
        tryPropose();
    }
}

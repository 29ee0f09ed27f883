package dev.metanode.consensus.sim;

import dev.metanode.consensus.MessageSink;
import dev.metanode.consensus.codec.MalformedMessageException;
import dev.metanode.consensus.payload.Commit;
import dev.metanode.consensus.payload.Message;
import dev.metanode.consensus.payload.MessageCodec;
import dev.metanode.consensus.payload.Prepare;
import dev.metanode.consensus.payload.SignedPayload;
import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.crypto.SigningKey;
import java.util.List;
import java.util.Random;

/** Wraps a validator's outbound messages to make it Byzantine in the way its {@link Behaviour} says. */
final class ByzantineSink implements MessageSink {
    private final Behaviour behaviour;
    private final SigningKey key;
    private final String chainId;
    private final Random random;
    private final List<PublicKey> peers;
    private final SimNetwork network;

    ByzantineSink(Behaviour behaviour, SigningKey key, String chainId, Random random, List<PublicKey> peers, SimNetwork network) {
        this.behaviour = behaviour;
        this.key = key;
        this.chainId = chainId;
        this.random = random;
        this.peers = peers;
        this.network = network;
    }

    @Override
    public void broadcast(byte[] message) {
        for (PublicKey peer : peers) {
            send(peer, message);
        }
    }

    @Override
    public void send(PublicKey peer, byte[] message) {
        switch (behaviour) {
            case HONEST -> network.send(key.publicKey(), peer, message);
            case SILENT -> { }
            case GARBAGE -> network.send(key.publicKey(), peer, random.nextBoolean() ? message : garbage(message));
            case EQUIVOCATING -> {
                network.send(key.publicKey(), peer, message);
                if (random.nextBoolean()) {
                    conflicting(message).ifPresent(m -> network.send(key.publicKey(), peer, m));
                }
            }
        }
    }

    private byte[] garbage(byte[] message) {
        if (random.nextBoolean()) {
            byte[] junk = new byte[random.nextInt(200)];
            random.nextBytes(junk);
            return junk;
        }
        byte[] flipped = message.clone();
        flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
        return flipped;
    }

    /** The same statement with another block hash, properly signed: what equivocation looks like. */
    private java.util.Optional<byte[]> conflicting(byte[] message) {
        Message m;
        try {
            m = MessageCodec.decode(message);
        } catch (MalformedMessageException e) {
            return java.util.Optional.empty();
        }
        byte[] other = new byte[32];
        random.nextBytes(other);
        return switch (m) {
            case Prepare p -> java.util.Optional.of(MessageCodec.encode(new Prepare(resign(p.payload(), other))));
            case Commit c -> java.util.Optional.of(MessageCodec.encode(new Commit(resign(c.payload(), other),
                    dev.metanode.consensus.chain.CommitSeal.sign(key, other).signature())));
            default -> java.util.Optional.empty();
        };
    }

    private SignedPayload resign(SignedPayload p, byte[] digest) {
        return SignedPayload.sign(key, chainId, p.type(), p.height(), p.round(), digest, p.preparedRound());
    }
}

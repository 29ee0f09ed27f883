package dev.metanode.core.net.fuzz;

import dev.metanode.core.net.Envelope;
import dev.metanode.core.net.FrameBatch;
import dev.metanode.core.net.HandshakeState;
import dev.metanode.core.net.NetFixtures;
import dev.metanode.core.net.NetLimits;
import dev.metanode.core.net.NodeIdentity;
import dev.metanode.core.net.PeerAllowList;
import dev.metanode.core.net.TransportCipher;
import dev.metanode.core.net.TransportException;
import dev.metanode.core.net.netty.FrameDecoderHandler;
import dev.metanode.core.net.netty.TransportCodecHandler;
import dev.metanode.core.net.TrafficCounters;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The decoders of outside input, as fuzz targets: each input must be accepted or refused with a
 * {@link TransportException} (possibly wrapped by Netty). Any other exception escapes and fails the
 * run. Shared by the Jazzer fuzz tests and the jqwik properties that feed them random inputs.
 */
public final class NetFuzzTargets {
    static final NetLimits LIMITS = NetLimits.defaults().withFrameBytesMax(64 * 1024);
    static final NodeIdentity ALICE = NetFixtures.identity("alice");
    static final NodeIdentity BOB = NetFixtures.identity("bob");
    static final PeerAllowList BOTH = NetFixtures.allow(ALICE, BOB);

    private NetFuzzTargets() {}

    /** A byte stream into the post-handshake inbound pipeline: frame decoder, then decryption, then envelopes. */
    public static void frameStream(byte[] input) {
        TransportCipher[] ciphers = NetFixtures.fixedCiphers(LIMITS);
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoderHandler(LIMITS.frameBytesMax()),
                new TransportCodecHandler(ciphers[1], new TrafficCounters(), LIMITS.plaintextBytesMax()));
        try {
            // Feed in uneven chunks, so partial lengths and bodies are exercised too.
            for (int at = 0, chunk = 1; at < input.length; at += chunk, chunk = chunk * 2 + 1) {
                int length = Math.min(chunk, input.length - at);
                channel.writeInbound(Unpooled.wrappedBuffer(input, at, length));
            }
        } catch (RuntimeException e) {
            requireOurs(e);
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    /** A frame plaintext into the batch and envelope decoders. */
    public static void envelope(byte[] input) {
        try {
            Envelope envelope = Envelope.decode(input);
            if (!Arrays.equals(input, envelope.encode())) {
                throw new AssertionError("decoded envelope does not re-encode to its input");
            }
        } catch (TransportException e) {
            // refused: fine
        }
        try {
            FrameBatch batch = new FrameBatch(LIMITS.plaintextBytesMax());
            for (Envelope envelope : FrameBatch.decode(input)) {
                batch.add(envelope);
            }
            if (!Arrays.equals(input, Arrays.copyOf(batch.buffer(), batch.bytes()))) {
                throw new AssertionError("decoded batch does not re-encode to its input");
            }
        } catch (TransportException e) {
            // refused: fine
        }
    }

    /**
     * A handshake message at one of the three steps. The first byte picks the step (0: responder reads
     * message 1 and answers it; 1: initiator reads message 2; 2: responder reads message 3) and
     * whether the rest is cut or padded to that step's exact length, so the crypto is reached.
     */
    public static void handshakeMessage(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int step = (input[0] & 0x7F) % 3;
        byte[] body = Arrays.copyOfRange(input, 1, input.length);
        if (input[0] < 0) {
            body = Arrays.copyOf(body, expectedLength(step));
        }
        HandshakeState initiator = HandshakeState.initiator(ALICE, BOTH, BOB.publicKey(), NetFixtures.PROLOGUE,
                LIMITS, new SecureRandom());
        HandshakeState responder = HandshakeState.responder(BOB, BOTH, NetFixtures.PROLOGUE, LIMITS,
                new SecureRandom());
        try {
            if (step == 0) {
                responder.readMessage(body);
                responder.writeMessage();
                return;
            }
            responder.readMessage(initiator.writeMessage());
            byte[] message2 = responder.writeMessage();
            if (step == 1) {
                initiator.readMessage(body);
                return;
            }
            initiator.readMessage(message2);
            initiator.writeMessage();
            responder.readMessage(body);
        } catch (TransportException e) {
            // refused: fine
        }
    }

    static int expectedLength(int step) {
        return switch (step) {
            case 0 -> HandshakeState.MESSAGE1_BYTES;
            case 1 -> HandshakeState.MESSAGE2_BYTES;
            default -> HandshakeState.MESSAGE3_BYTES;
        };
    }

    private static void requireOurs(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TransportException) {
                return;
            }
        }
        throw e;
    }
}

package dev.metanode.core.net.fuzz;

import dev.metanode.core.net.Envelope;
import dev.metanode.core.net.FrameBatch;
import dev.metanode.core.net.HandshakeState;
import dev.metanode.core.net.Message;
import dev.metanode.core.net.NetFixtures;
import dev.metanode.core.net.TransportCipher;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The fuzz targets fed by jqwik in every default test run: random inputs, and real frames and
 * handshake messages with bytes changed, so the refusals deep inside the crypto are reached too.
 */
class NetFuzzPropertiesTest {

    @Property(tries = 300)
    void randomStreams(@ForAll @Size(max = 3000) byte[] input) {
        NetFuzzTargets.frameStream(input);
    }

    @Property(tries = 1000)
    void randomEnvelopes(@ForAll @Size(max = 64) byte[] input) {
        NetFuzzTargets.envelope(input);
    }

    @Property(tries = 100)
    void randomHandshakeMessages(@ForAll @Size(max = 1400) byte[] input) {
        NetFuzzTargets.handshakeMessage(input);
    }

    @Property(tries = 100)
    void mutatedHandshakeMessages(@ForAll @IntRange(max = 2) int step, @ForAll @IntRange(min = 0) int where,
            @ForAll byte xor) {
        byte[] message = new byte[NetFuzzTargets.expectedLength(step) + 1];
        message[0] = (byte) (0x80 | step);
        // A zero message would be refused early; fill with a pattern so the offsets mean something.
        for (int i = 1; i < message.length; i++) {
            message[i] = (byte) (i * 31);
        }
        message[1 + where % (message.length - 1)] ^= xor;
        NetFuzzTargets.handshakeMessage(message);
    }

    @Property(tries = 200)
    void mutatedFrames(@ForAll @Size(max = 200) byte[] payload, @ForAll @IntRange(min = 0) int where,
            @ForAll byte xor) {
        TransportCipher[] ciphers = NetFixtures.fixedCiphers(NetFuzzTargets.LIMITS);
        FrameBatch batch = new FrameBatch(NetFuzzTargets.LIMITS.plaintextBytesMax());
        batch.add(Envelope.direct(new Message(1, 1, payload)));
        byte[] plaintext = java.util.Arrays.copyOf(batch.buffer(), batch.bytes());
        byte[] frame = ciphers[0].sealFrame(plaintext, 0, plaintext.length);
        frame[where % frame.length] ^= xor;
        NetFuzzTargets.frameStream(frame);
    }

    @Property(tries = 20)
    void handshakeSizesStayFixed(@ForAll @IntRange(max = 2) int step) {
        int expected = NetFuzzTargets.expectedLength(step);
        org.junit.jupiter.api.Assertions.assertTrue(expected <= HandshakeState.MESSAGE_BYTES_MAX);
    }
}

package dev.metanode.core.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Round trips of framing, AEAD and envelopes for arbitrary payloads, frame sequences and rekey limits. */
class TransportCipherPropertiesTest {

    @Property(tries = 50)
    void framesRoundTripInOrder(@ForAll @Size(max = 20) List<@Size(max = 2000) byte[]> plaintexts,
            @ForAll @IntRange(min = 1, max = 5) int rekeyFrames, @ForAll @IntRange(min = 1, max = 5000) int rekeyBytes) {
        TransportCipher[] c = NetFixtures.fixedCiphers(NetLimits.defaults().withRekey(rekeyFrames, rekeyBytes));
        for (byte[] plaintext : plaintexts) {
            byte[] frame = c[0].sealFrame(plaintext, 0, plaintext.length);
            assertEquals(plaintext.length + FrameFormat.LENGTH_BYTES + TransportCipher.TAG_BYTES, frame.length);
            int declared = ((frame[0] & 0xFF) << 24) | ((frame[1] & 0xFF) << 16) | ((frame[2] & 0xFF) << 8)
                    | (frame[3] & 0xFF);
            assertEquals(frame.length - FrameFormat.LENGTH_BYTES, declared);
            assertArrayEquals(plaintext, c[1].openFrame(frame, FrameFormat.LENGTH_BYTES, declared));
        }
    }

    @Property(tries = 50)
    void anySingleBitFlipIsRefused(@ForAll @Size(min = 1, max = 500) byte[] plaintext, @ForAll @IntRange(min = 0) int where) {
        TransportCipher[] c = NetFixtures.fixedCiphers(NetLimits.defaults());
        byte[] body = NetFixtures.body(c[0].sealFrame(plaintext, 0, plaintext.length));
        int bit = where % (body.length * 8);
        body[bit / 8] ^= (byte) (1 << (bit % 8));
        assertThrows(TransportException.class, () -> c[1].openFrame(body, 0, body.length));
    }

    @Property(tries = 200)
    void batchesRoundTripAndRespectTheFrameLimit(@ForAll @Size(max = 30) List<@Size(max = 600) byte[]> payloads) {
        NetLimits limits = NetLimits.defaults().withFrameBytesMax(2048);
        FrameBatch batch = new FrameBatch(limits.plaintextBytesMax());
        List<Envelope> expected = new java.util.ArrayList<>();
        for (byte[] payload : payloads) {
            Envelope envelope = Envelope.gossip(new Message(1, 1, payload), 1);
            if (!batch.fits(envelope)) {
                break;
            }
            batch.add(envelope);
            expected.add(envelope);
        }
        net.jqwik.api.Assume.that(!expected.isEmpty());
        assertTrue(batch.bytes() <= limits.plaintextBytesMax());
        assertEquals(expected, FrameBatch.decode(java.util.Arrays.copyOf(batch.buffer(), batch.bytes())));
    }

    @Property(tries = 200)
    void envelopesRoundTrip(@ForAll @IntRange(max = 0xFFFF) int type, @ForAll @IntRange(max = 255) int version,
            @ForAll @IntRange(min = 1, max = 255) int hops, @ForAll @Size(max = 300) byte[] payload,
            @ForAll boolean gossip) {
        Message message = new Message(type, version, payload);
        Envelope envelope = gossip ? Envelope.gossip(message, hops) : Envelope.direct(message);
        assertEquals(envelope, Envelope.decode(envelope.encode()));
    }
}

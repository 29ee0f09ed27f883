package dev.metanode.core.net;

import static dev.metanode.core.net.NetFixtures.body;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TransportCipherTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] open(TransportCipher cipher, byte[] frame) {
        byte[] body = body(frame);
        return cipher.openFrame(body, 0, body.length);
    }

    @Test
    void refusesReplayedFrame() {
        TransportCipher[] c = NetFixtures.ciphers(NetLimits.defaults());
        byte[] frame = c[0].sealFrame(bytes("pay 10"), 0, 6);
        assertArrayEquals(bytes("pay 10"), open(c[1], frame));
        assertThrows(TransportException.class, () -> open(c[1], frame));
    }

    @Test
    void refusesReorderedFrames() {
        TransportCipher[] c = NetFixtures.ciphers(NetLimits.defaults());
        byte[] first = c[0].sealFrame(bytes("one"), 0, 3);
        byte[] second = c[0].sealFrame(bytes("two"), 0, 3);
        assertThrows(TransportException.class, () -> open(c[1], second));
        assertFalse(Arrays.equals(first, second));
    }

    @Test
    void refusesTamperedFrame() {
        TransportCipher[] c = NetFixtures.ciphers(NetLimits.defaults());
        byte[] frame = c[0].sealFrame(bytes("pay 10"), 0, 6);
        frame[FrameFormat.LENGTH_BYTES + 2] ^= 0x01;
        assertThrows(TransportException.class, () -> open(c[1], frame));
    }

    @Test
    void refusesOversizedFrame() {
        NetLimits limits = NetLimits.defaults().withFrameBytesMax(1024);
        TransportCipher[] c = NetFixtures.ciphers(limits);
        byte[] body = new byte[1025];
        TransportException e = assertThrows(TransportException.class, () -> c[1].openFrame(body, 0, body.length));
        assertEquals("frame of 1025 bytes exceeds frameBytesMax 1024", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c[0].sealFrame(new byte[1009], 0, 1009));
    }

    @Test
    void directionsUseDifferentKeys() {
        TransportCipher[] c = NetFixtures.ciphers(NetLimits.defaults());
        byte[] frame = c[0].sealFrame(bytes("x"), 0, 1);
        // A frame reflected back to its sender fails: the reverse direction has another key.
        assertThrows(TransportException.class, () -> open(c[0], frame));
    }

    @Test
    void rekeysInStepAfterFramesAndBytes() {
        NetLimits limits = NetLimits.defaults().withRekey(3, 100);
        TransportCipher[] c = NetFixtures.ciphers(limits);
        TransportCipher[] reference = NetFixtures.ciphers(NetLimits.defaults());
        for (int i = 0; i < 20; i++) {
            byte[] plaintext = new byte[i * 7];
            Arrays.fill(plaintext, (byte) i);
            assertArrayEquals(plaintext, open(c[1], c[0].sealFrame(plaintext, 0, plaintext.length)));
            assertArrayEquals(plaintext, open(reference[1], reference[0].sealFrame(plaintext, 0, plaintext.length)));
        }
        assertEquals(20, c[0].sendNonce());
        assertEquals(20, c[1].receiveNonce());
    }

    @Test
    void rekeyReplacesTheKey() {
        byte[] key = new byte[32];
        CipherState sender = new CipherState();
        CipherState stale = new CipherState();
        CipherState current = new CipherState();
        sender.initializeKey(key);
        stale.initializeKey(key);
        current.initializeKey(key);
        sender.rekey();
        current.rekey();
        byte[] ciphertext = sender.encryptWithAd(new byte[0], bytes("after rekey"));
        assertThrows(TransportException.class, () -> stale.decryptWithAd(new byte[0], ciphertext, 0, ciphertext.length));
        assertArrayEquals(bytes("after rekey"), current.decryptWithAd(new byte[0], ciphertext, 0, ciphertext.length));
    }
}

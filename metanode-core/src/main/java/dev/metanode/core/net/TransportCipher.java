package dev.metanode.core.net;

/**
 * The keys of an established connection: one {@link CipherState} per direction, each with its own
 * 64-bit counter as nonce. Frames are {@code u32 length || ciphertext || tag}, with the length
 * bytes as associated data. Both sides rekey a direction after the same number of frames or bytes,
 * so no rekey message is needed. Not thread-safe: each direction belongs to one event loop.
 */
public final class TransportCipher {
    public static final int TAG_BYTES = ChaChaPoly.TAG_BYTES;

    private final Direction send;
    private final Direction receive;
    private final int frameBytesMax;

    TransportCipher(byte[] sendKey, byte[] receiveKey, NetLimits limits) {
        this.send = new Direction(sendKey, limits);
        this.receive = new Direction(receiveKey, limits);
        this.frameBytesMax = limits.frameBytesMax();
    }

    /** Encrypts a plaintext into a whole frame, length prefix included. */
    public byte[] sealFrame(byte[] plaintext, int off, int len) {
        int bodyBytes = len + TAG_BYTES;
        if (bodyBytes > frameBytesMax) {
            throw new IllegalArgumentException("plaintext of " + len + " bytes exceeds the frame limit");
        }
        byte[] frame = new byte[FrameFormat.LENGTH_BYTES + bodyBytes];
        FrameFormat.writeLength(frame, bodyBytes);
        byte[] ad = FrameFormat.lengthBytes(bodyBytes);
        send.cipher.encryptWithAd(ad, plaintext, off, len, frame, FrameFormat.LENGTH_BYTES);
        send.count(bodyBytes);
        return frame;
    }

    /** Decrypts a frame body (without its length prefix); any failure kills the connection. */
    public byte[] openFrame(byte[] body, int off, int len) {
        FrameFormat.checkLength(len, frameBytesMax);
        byte[] plaintext = receive.cipher.decryptWithAd(FrameFormat.lengthBytes(len), body, off, len);
        receive.count(len);
        return plaintext;
    }

    long sendNonce() {
        return send.cipher.nonce();
    }

    long receiveNonce() {
        return receive.cipher.nonce();
    }

    private static final class Direction {
        final CipherState cipher = new CipherState();
        final long rekeyFramesMax;
        final long rekeyBytesMax;
        long framesSinceRekey;
        long bytesSinceRekey;

        Direction(byte[] key, NetLimits limits) {
            cipher.initializeKey(key);
            this.rekeyFramesMax = limits.rekeyFramesMax();
            this.rekeyBytesMax = limits.rekeyBytesMax();
        }

        void count(int bodyBytes) {
            framesSinceRekey++;
            bytesSinceRekey += bodyBytes;
            if (framesSinceRekey >= rekeyFramesMax || bytesSinceRekey >= rekeyBytesMax) {
                cipher.rekey();
                framesSinceRekey = 0;
                bytesSinceRekey = 0;
            }
        }
    }
}

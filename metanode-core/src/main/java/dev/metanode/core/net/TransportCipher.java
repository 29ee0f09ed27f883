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

    /** The whole frame's size for a plaintext of this size. */
    public static int frameBytes(int plaintextBytes) {
        return FrameFormat.LENGTH_BYTES + plaintextBytes + TAG_BYTES;
    }

    /** Encrypts a plaintext into a whole frame, length prefix included. */
    public byte[] sealFrame(byte[] plaintext, int off, int len) {
        byte[] frame = new byte[frameBytes(len)];
        sealFrame(plaintext, off, len, frame);
        return frame;
    }

    /** Encrypts into out[0, frameBytes(len)); lets the caller reuse one buffer for every frame. */
    public void sealFrame(byte[] plaintext, int off, int len, byte[] out) {
        int bodyBytes = len + TAG_BYTES;
        if (bodyBytes > frameBytesMax) {
            throw new IllegalArgumentException("plaintext of " + len + " bytes exceeds the frame limit");
        }
        FrameFormat.writeLength(out, bodyBytes);
        byte[] ad = FrameFormat.lengthBytes(bodyBytes);
        send.cipher.encryptWithAd(ad, plaintext, off, len, out, FrameFormat.LENGTH_BYTES);
        send.count(bodyBytes);
    }

    /** Decrypts a frame body (without its length prefix); any failure kills the connection. */
    public byte[] openFrame(byte[] body, int off, int len) {
        byte[] plaintext = new byte[Math.max(0, len - TAG_BYTES)];
        openFrame(body, off, len, plaintext);
        return plaintext;
    }

    /** Decrypts a frame body into out (room for len - TAG_BYTES bytes); returns the plaintext length. */
    public int openFrame(byte[] body, int off, int len, byte[] out) {
        FrameFormat.checkLength(len, frameBytesMax);
        int plaintextBytes = receive.cipher.decryptWithAd(FrameFormat.lengthBytes(len), body, off, len, out, 0);
        receive.count(len);
        return plaintextBytes;
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

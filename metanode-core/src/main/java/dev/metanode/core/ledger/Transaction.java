package dev.metanode.core.ledger;

import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.crypto.Sha256;
import dev.metanode.core.crypto.SigningKey;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A signed, typed transaction: the unit a {@link dev.metanode.core.kernel.Ledger} orders and a
 * {@link dev.metanode.core.kernel.TxHandler} applies. {@code module} and {@code type} route it to
 * its handler; {@code nonce} lets one sender submit the same payload twice on purpose.
 *
 * <p>The signature is Ed25519 over {@link #signingBytes()}, a bounded binary form with a domain tag,
 * so a transaction signature can never be replayed as another kind of signature. The id is the
 * SHA-256 of those bytes: one content, one id. Immutable.
 */
public final class Transaction {
    /** A module name is short ASCII, e.g. {@code cluster}. */
    public static final int MODULE_CHARS_MAX = 32;
    /** A type name is short ASCII, e.g. {@code place-app}. */
    public static final int TYPE_CHARS_MAX = 64;
    /** Payload bytes; bigger data belongs in relay storage, referenced by digest. */
    public static final int PAYLOAD_BYTES_MAX = 64 * 1024;
    /** The whole encoded transaction can never be longer than this. */
    public static final int ENCODED_BYTES_MAX = PAYLOAD_BYTES_MAX + 512;

    private static final byte[] DOMAIN = "metanode/tx/v1\0".getBytes(StandardCharsets.US_ASCII);

    private final String module;
    private final String type;
    private final PublicKey sender;
    private final long nonce;
    private final byte[] payload;
    private final byte[] signature;
    private final byte[] signingBytes;
    private final byte[] id;

    private Transaction(String module, String type, PublicKey sender, long nonce, byte[] payload, byte[] signature) {
        this(module, type, sender, nonce, payload.clone(), signature.clone(), null);
    }

    /**
     * Takes ownership of {@code payload} and {@code signature}; {@code signingBytes} are the bytes
     * those fields encode to when the caller already has them (a decoded transaction), else null.
     */
    private Transaction(String module, String type, PublicKey sender, long nonce, byte[] payload, byte[] signature,
            byte[] signingBytes) {
        requireName(module, MODULE_CHARS_MAX, "module");
        requireName(type, TYPE_CHARS_MAX, "type");
        Objects.requireNonNull(sender, "sender");
        if (payload.length > PAYLOAD_BYTES_MAX) {
            throw new IllegalArgumentException("payload has " + payload.length + " bytes, at most "
                    + PAYLOAD_BYTES_MAX + " allowed");
        }
        if (signature.length != PublicKey.SIGNATURE_BYTES) {
            throw new IllegalArgumentException("a signature has " + PublicKey.SIGNATURE_BYTES + " bytes");
        }
        this.module = module;
        this.type = type;
        this.sender = sender;
        this.nonce = nonce;
        this.payload = payload;
        this.signature = signature;
        this.signingBytes = signingBytes != null ? signingBytes : signingBytes(module, type, sender, nonce, payload);
        this.id = Sha256.digest(this.signingBytes);
    }

    /** Builds and signs a transaction with {@code key}, whose public key becomes the sender. */
    public static Transaction sign(SigningKey key, String module, String type, long nonce, byte[] payload) {
        byte[] bytes = signingBytes(module, type, key.publicKey(), nonce, payload);
        return new Transaction(module, type, key.publicKey(), nonce, payload, key.sign(bytes));
    }

    /** Whether the signature is the sender's over {@link #signingBytes()}. */
    public boolean verifySignature() {
        return sender.verify(signingBytes, signature);
    }

    /** The bytes the sender signed. */
    public byte[] signingBytes() {
        return signingBytes.clone();
    }

    /** The SHA-256 of {@link #signingBytes()}. */
    public byte[] id() {
        return id.clone();
    }

    public String idHex() {
        return HexFormat.of().formatHex(id);
    }

    /** The wire form: signing bytes followed by the signature. */
    public byte[] encode() {
        byte[] out = Arrays.copyOf(signingBytes, encodedLength());
        System.arraycopy(signature, 0, out, signingBytes.length, signature.length);
        return out;
    }

    /** The length of {@link #encode()}, without encoding. */
    public int encodedLength() {
        return signingBytes.length + signature.length;
    }

    /**
     * Parses the wire form of outside input.
     *
     * @throws IllegalArgumentException naming what is malformed or over a limit
     */
    public static Transaction decode(byte[] bytes) {
        return decode(bytes, PublicKey::fromBytes);
    }

    /**
     * As {@link #decode(byte[])}, with the caller's way of turning key bytes into a key (a cache of
     * known keys saves re-validating the same point in every message).
     */
    public static Transaction decode(byte[] bytes, java.util.function.Function<byte[], PublicKey> keys) {
        if (bytes.length > ENCODED_BYTES_MAX) {
            throw new IllegalArgumentException("transaction longer than " + ENCODED_BYTES_MAX + " bytes");
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte[] domain = new byte[DOMAIN.length];
            in.get(domain);
            if (!Arrays.equals(domain, DOMAIN)) {
                throw new IllegalArgumentException("not a metanode/tx/v1 transaction");
            }
            String module = readString(in, MODULE_CHARS_MAX);
            String type = readString(in, TYPE_CHARS_MAX);
            byte[] key = new byte[PublicKey.KEY_BYTES];
            in.get(key);
            long nonce = in.getLong();
            int length = in.getInt();
            if (length < 0 || length > PAYLOAD_BYTES_MAX) {
                throw new IllegalArgumentException("payload length " + length + " out of range");
            }
            byte[] payload = new byte[length];
            in.get(payload);
            byte[] signature = new byte[PublicKey.SIGNATURE_BYTES];
            in.get(signature);
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("trailing bytes after transaction");
            }
            // The fields were read from a prefix-free encoding, so the bytes before the signature are
            // exactly what they encode to: no need to encode them again.
            byte[] signed = Arrays.copyOfRange(bytes, 0, bytes.length - signature.length);
            return new Transaction(module, type, keys.apply(key), nonce, payload, signature, signed);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated transaction", e);
        }
    }

    private static byte[] signingBytes(String module, String type, PublicKey sender, long nonce, byte[] payload) {
        requireName(module, MODULE_CHARS_MAX, "module");
        requireName(type, TYPE_CHARS_MAX, "type");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(payload.length + 128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(DOMAIN);
            writeString(out, module);
            writeString(out, type);
            out.write(sender.bytes());
            out.writeLong(nonce);
            out.writeInt(payload.length);
            out.write(payload);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory stream", e);
        }
        return bytes.toByteArray();
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        out.writeByte(b.length);
        out.write(b);
    }

    private static String readString(ByteBuffer in, int max) {
        int length = Byte.toUnsignedInt(in.get());
        if (length > max) {
            throw new IllegalArgumentException("name longer than " + max + " characters");
        }
        byte[] b = new byte[length];
        in.get(b);
        return new String(b, StandardCharsets.US_ASCII);
    }

    /** Names are [a-z0-9-.]+ so they sort and print the same everywhere. */
    private static void requireName(String name, int max, String what) {
        if (name == null || name.isEmpty() || name.length() > max || !nameCharacters(name)) {
            throw new IllegalArgumentException(what + " must be 1.." + max + " characters of [a-z0-9-.], got '" + name + "'");
        }
    }

    private static boolean nameCharacters(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    public String module() {
        return module;
    }

    public String type() {
        return type;
    }

    public PublicKey sender() {
        return sender;
    }

    public long nonce() {
        return nonce;
    }

    public byte[] payload() {
        return payload.clone();
    }

    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Transaction other && Arrays.equals(id, other.id) && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(id);
    }

    @Override
    public String toString() {
        return "Transaction[" + module + "/" + type + " " + idHex().substring(0, 16) + "]";
    }
}

package dev.metanode.core.log;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One signature line of a signed note: key name, 4-byte key id and the signature bytes. It may come
 * from a key the reader does not know (a witness, a rotated key), which is why it is kept unverified.
 */
public final class NoteSignature {
    /** Every signature line starts with an em dash (U+2014) and a space. */
    static final String LINE_PREFIX = "\u2014 ";
    private static final int KEY_ID_BYTES = 4;

    private final String keyName;
    private final int keyId;
    private final byte[] signature;

    /**
     * A signature by the key {@code keyName}/{@code keyId}; {@code signature} is copied.
     *
     * @throws IllegalArgumentException if the key name is invalid or the signature is empty
     */
    public NoteSignature(String keyName, int keyId, byte[] signature) {
        NoteText.requireKeyName(keyName);
        if (Objects.requireNonNull(signature, "signature").length == 0) {
            throw new IllegalArgumentException("a note signature needs at least one byte after the key id");
        }
        this.keyName = keyName;
        this.keyId = keyId;
        this.signature = signature.clone();
    }

    /** Parses the part after the em dash: {@code <name> <base64(key id || signature)>}; {@code n} numbers errors. */
    static NoteSignature parse(String line, int n) throws NoteFormatException {
        if (!line.startsWith(LINE_PREFIX)) {
            throw new NoteFormatException("signature line " + n + " does not start with an em dash and a space");
        }
        int space = line.indexOf(' ', LINE_PREFIX.length());
        if (space < 0) {
            throw new NoteFormatException("signature line " + n + " has no space between key name and signature");
        }
        String name = line.substring(LINE_PREFIX.length(), space);
        if (!NoteText.isKeyName(name)) {
            throw new NoteFormatException("signature line " + n + " has an invalid key name");
        }
        byte[] raw = NoteText.decodeBase64(line.substring(space + 1), "signature on line " + n);
        if (raw.length <= KEY_ID_BYTES) {
            throw new NoteFormatException("signature line " + n + " is too short for a key id and a signature");
        }
        return new NoteSignature(name, ByteBuffer.wrap(raw).getInt(), Arrays.copyOfRange(raw, KEY_ID_BYTES, raw.length));
    }

    public String keyName() {
        return keyName;
    }

    public int keyId() {
        return keyId;
    }

    /** The signature bytes after the key id. */
    public byte[] signature() {
        return signature.clone();
    }

    byte[] signatureBytes() {
        return signature;
    }

    /** The signature line, newline included. */
    public String line() {
        byte[] raw = ByteBuffer.allocate(KEY_ID_BYTES + signature.length).putInt(keyId).put(signature).array();
        return LINE_PREFIX + keyName + " " + Base64.getEncoder().encodeToString(raw) + "\n";
    }

    /** {@code <name>+<key id hex>}: the key identity this signature claims, as in {@link NoteVerifierKey#id()}. */
    String id() {
        return keyName + "+" + HexFormat.of().toHexDigits(keyId);
    }

    boolean isBy(String name, int id) {
        return keyName.equals(name) && keyId == id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteSignature other && keyName.equals(other.keyName) && keyId == other.keyId
                && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return (keyName.hashCode() * 31 + keyId) * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "NoteSignature[" + id() + "]";
    }
}

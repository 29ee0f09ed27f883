package dev.metanode.core.log;

import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.crypto.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A trusted Ed25519 signed-note key: name, 4-byte key id and public key, in the text form that Go's
 * {@code golang.org/x/mod/sumdb/note} and the C2SP tools use:
 * {@code <name>+<8 hex key id>+<base64(0x01 || 32-byte public key)>}.
 *
 * <p>The key id is {@code SHA-256(name || 0x0A || 0x01 || public key)[:4]}, big-endian, as C2SP
 * signed-note recommends; it only routes a signature to the right key, the signature is what counts.
 */
public final class NoteVerifierKey {
    /** The C2SP signed-note signature type byte for Ed25519. */
    public static final byte ED25519_TYPE = 0x01;
    private static final int KEY_ID_HEX_DIGITS = 8;

    private final String name;
    private final int keyId;
    private final PublicKey publicKey;

    private NoteVerifierKey(String name, PublicKey publicKey) {
        this.name = name;
        this.publicKey = publicKey;
        this.keyId = keyId(name, publicKey);
    }

    /**
     * The verifier key for {@code publicKey} under {@code name}.
     *
     * @throws IllegalArgumentException if the name is empty or has spaces, '+' or control characters
     */
    public static NoteVerifierKey of(String name, PublicKey publicKey) {
        NoteText.requireKeyName(name);
        return new NoteVerifierKey(name, Objects.requireNonNull(publicKey, "publicKey"));
    }

    /**
     * Parses {@code <name>+<8 hex key id>+<base64(0x01 || public key)>}.
     *
     * @throws NoteFormatException saying which part is malformed, or that the key id does not match
     */
    public static NoteVerifierKey parse(String text) throws NoteFormatException {
        int plus1 = text == null ? -1 : text.indexOf('+');
        int plus2 = plus1 < 0 ? -1 : text.indexOf('+', plus1 + 1);
        if (plus2 < 0) {
            throw new NoteFormatException("a verifier key has the form <name>+<8 hex key id>+<base64 key>");
        }
        String name = text.substring(0, plus1);
        String hex = text.substring(plus1 + 1, plus2);
        if (!NoteText.isKeyName(name)) {
            throw new NoteFormatException("verifier key name must be non-empty, without spaces or control characters");
        }
        if (hex.length() != KEY_ID_HEX_DIGITS || !hex.chars().allMatch(c -> HexFormat.isHexDigit(c))) {
            throw new NoteFormatException("verifier key id must be " + KEY_ID_HEX_DIGITS + " hex digits, got '" + hex + "'");
        }
        byte[] typed = NoteText.decodeBase64(text.substring(plus2 + 1), "verifier key");
        if (typed.length == 0 || typed[0] != ED25519_TYPE) {
            throw new NoteFormatException("verifier key must be of signature type 0x01 (Ed25519)");
        }
        if (typed.length != 1 + PublicKey.KEY_BYTES) {
            throw new NoteFormatException("an Ed25519 verifier key has " + PublicKey.KEY_BYTES + " bytes, got "
                    + (typed.length - 1));
        }
        PublicKey key;
        try {
            key = PublicKey.fromBytes(Arrays.copyOfRange(typed, 1, typed.length));
        } catch (IllegalArgumentException e) {
            throw new NoteFormatException("verifier key is not a valid Ed25519 public key");
        }
        NoteVerifierKey parsed = new NoteVerifierKey(name, key);
        if (parsed.keyId != HexFormat.fromHexDigits(hex)) {
            throw new NoteFormatException("verifier key id " + hex + " does not match the key (expected "
                    + parsed.keyIdHex() + ")");
        }
        return parsed;
    }

    /** The C2SP key id of an Ed25519 key: {@code SHA-256(name || 0x0A || 0x01 || key)[:4]}, big-endian. */
    static int keyId(String name, PublicKey key) {
        MessageDigest md = Sha256.newDigest();
        md.update(name.getBytes(StandardCharsets.UTF_8));
        md.update((byte) '\n');
        md.update(ED25519_TYPE);
        md.update(key.bytes());
        return ByteBuffer.wrap(md.digest()).getInt();
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return keyId;
    }

    /** The key id as 8 lower-case hex digits, as it appears in the text form. */
    public String keyIdHex() {
        return HexFormat.of().toHexDigits(keyId);
    }

    /** {@code <name>+<key id hex>}: the identity signature lines refer to. */
    String id() {
        return name + "+" + keyIdHex();
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** Checks an Ed25519 signature over the note text bytes; any other length is simply invalid. */
    boolean verify(byte[] text, byte[] signature) {
        return publicKey.verify(text, signature);
    }

    /** The text form {@code <name>+<key id>+<base64(0x01 || key)>}. */
    public String format() {
        byte[] typed = new byte[1 + PublicKey.KEY_BYTES];
        typed[0] = ED25519_TYPE;
        System.arraycopy(publicKey.bytes(), 0, typed, 1, PublicKey.KEY_BYTES);
        return name + "+" + keyIdHex() + "+" + Base64.getEncoder().encodeToString(typed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteVerifierKey other && name.equals(other.name) && publicKey.equals(other.publicKey);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + publicKey.hashCode();
    }

    @Override
    public String toString() {
        return format();
    }
}

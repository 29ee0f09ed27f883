package dev.metanode.core.receipt;

import java.util.HexFormat;

/** Receipt ids: "rx_" and the first {@link #ID_HEX_CHARS} hex characters of the leaf hash. */
public final class ReceiptIds {
    public static final String PREFIX = "rx_";
    /** 80 bits: collisions are out of reach for any log this node will hold. */
    public static final int ID_HEX_CHARS = 20;
    /** Shortest prefix a user may type to look a receipt up. */
    public static final int LOOKUP_HEX_CHARS_MIN = 8;

    private ReceiptIds() {}

    public static String fromLeafHash(byte[] leafHash) {
        return PREFIX + HexFormat.of().formatHex(leafHash).substring(0, ID_HEX_CHARS);
    }

    /** The hex part of a user-typed id, validated; throws a one-line message on bad input. */
    public static String hexPart(String id) {
        String hex = id.startsWith(PREFIX) ? id.substring(PREFIX.length()) : id;
        if (hex.length() < LOOKUP_HEX_CHARS_MIN || hex.length() > 64
                || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException("'" + id + "' is not a receipt id (rx_ followed by at least "
                    + LOOKUP_HEX_CHARS_MIN + " lower-case hex characters)");
        }
        return hex;
    }
}

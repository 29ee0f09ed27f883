package dev.metanode.core.log;

import java.util.Base64;

/** Character rules shared by signed notes, checkpoints and key names (C2SP signed-note). */
final class NoteText {
    private NoteText() {}

    /**
     * The first reason {@code text} cannot appear in a signed note, or null: notes must be valid
     * UTF-8 (so no unpaired surrogates) with no ASCII control character other than newline.
     */
    static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n') {
                return String.format("control character U+%04X at offset %d", (int) c, i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "unpaired surrogate at offset " + i + " (not valid UTF-8)";
            }
        }
        return null;
    }

    static void check(String text, String what) throws NoteFormatException {
        String problem = problem(text);
        if (problem != null) {
            throw new NoteFormatException(what + " has a " + problem);
        }
    }

    /**
     * Key names must be non-empty, with no Unicode space and no '+' (the verifier key separator);
     * control characters are excluded too because a note may not contain them.
     */
    static boolean isKeyName(String name) {
        if (name == null || name.isEmpty() || problem(name) != null) {
            return false;
        }
        return name.codePoints().noneMatch(cp -> cp == '+' || cp < 0x20 || isUnicodeSpace(cp));
    }

    static void requireKeyName(String name) {
        if (!isKeyName(name)) {
            throw new IllegalArgumentException("invalid note key name '" + name
                    + "': it must be non-empty, with no spaces, '+' or control characters");
        }
    }

    /** Go's unicode.IsSpace, i.e. the Unicode White_Space property. */
    private static boolean isUnicodeSpace(int cp) {
        return Character.isSpaceChar(cp) || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85;
    }

    /**
     * Decodes standard padded base64, accepting only the canonical encoding of the result, so one
     * byte string has exactly one text form and parsing then formatting gives back the input.
     */
    static byte[] decodeBase64(String text, String what) throws NoteFormatException {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new NoteFormatException(what + " is not valid base64");
        }
        if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw new NoteFormatException(what + " is not canonical padded base64");
        }
        return bytes;
    }
}

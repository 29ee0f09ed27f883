package dev.metanode.httpcage.sig;

/** A position in a structured header value, with the RFC 8941 token rules the cage needs. */
final class Cursor {
    private final String s;
    private int i;

    Cursor(String s) {
        this.s = s;
    }

    char peek() {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    boolean consume(char c) {
        if (peek() == c) {
            i++;
            return true;
        }
        return false;
    }

    void expect(char c) {
        if (!consume(c)) {
            throw new StructuredFieldException("expected '" + c + "' at " + i);
        }
    }

    void skipSpaces() {
        while (peek() == ' ') {
            i++;
        }
    }

    /** After a member: a comma (with optional spaces) means another follows; the end means done. */
    boolean nextMember() {
        skipSpaces();
        if (i == s.length()) {
            return false;
        }
        expect(',');
        skipSpaces();
        if (i == s.length()) {
            throw new StructuredFieldException("trailing comma");
        }
        return true;
    }

    /** An RFC 8941 key: lcalpha or '*', then lcalpha, digits, '_', '-', '.', '*'. */
    String key() {
        int start = i;
        char first = peek();
        if (!((first >= 'a' && first <= 'z') || first == '*')) {
            throw new StructuredFieldException("expected a key at " + i);
        }
        while (i < s.length()) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' || c == '*') {
                i++;
            } else {
                break;
            }
        }
        return s.substring(start, i);
    }

    String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            if (i >= s.length()) {
                throw new StructuredFieldException("unterminated string");
            }
            char c = s.charAt(i++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                char next = peek();
                if (next != '"' && next != '\\') {
                    throw new StructuredFieldException("bad escape");
                }
                out.append(next);
                i++;
            } else if (c < 0x20 || c > 0x7e) {
                throw new StructuredFieldException("non-printable character in string");
            } else {
                out.append(c);
            }
        }
    }

    long integer() {
        int start = i;
        boolean negative = consume('-');
        while (peek() >= '0' && peek() <= '9') {
            i++;
        }
        int digits = i - start - (negative ? 1 : 0);
        if (digits == 0 || digits > 15) {
            throw new StructuredFieldException("bad integer at " + start);
        }
        return Long.parseLong(s.substring(start, i));
    }

    String until(char end) {
        int stop = s.indexOf(end, i);
        if (stop < 0) {
            throw new StructuredFieldException("missing '" + end + "'");
        }
        String out = s.substring(i, stop);
        i = stop + 1;
        return out;
    }
}

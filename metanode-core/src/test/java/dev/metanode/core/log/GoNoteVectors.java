package dev.metanode.core.log;

/**
 * Known-answer data from outside this project. A note that Go's reference implementation
 * ({@code golang.org/x/mod/sumdb/note}, note_test.go) or the live Go checksum database produced is
 * the best evidence that independent tools can read our notes and we can read theirs.
 */
final class GoNoteVectors {
    private GoNoteVectors() {}

    static final String PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    /** Go's private key text: {@code PRIVATE+KEY+<name>+<id>+base64(0x01 || 32-byte seed)}. */
    static final String PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";

    static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String PETER_SIG = "\u2014 PeterNeumann "
            + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    static final String ENOCH_SIG = "\u2014 EnochRoot "
            + "rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    /** The production Go checksum database key (the GOSUMDB default) and a tree head it signed. */
    static final String SUMDB_VKEY = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";
    static final String SUMDB_ORIGIN = "go.sum database tree";
    static final String SUMDB_CHECKPOINT = "go.sum database tree\n"
            + "6476701\n"
            + "mb8QLQIs0Z0yP5Cstq6guj87oXWeC9gEM8oVikmm9Wk=\n"
            + "\n"
            + "\u2014 sum.golang.org "
            + "Az3grsLX85Gz+s1SiTbgkuqxgItqFq7gsMUEyVnrsa9LM7Us9S+1xbFIGu95949rj4nPRYfvimWEPWL+o3GeoWwOoAw=\n";

    /** The seed inside {@link #PETER_SKEY}. */
    static byte[] peterSeed() {
        String[] parts = PETER_SKEY.split("\\+", 5);
        byte[] typed = java.util.Base64.getDecoder().decode(parts[4]);
        if (typed.length != 33 || typed[0] != 1) {
            throw new AssertionError("unexpected Go private key layout");
        }
        return java.util.Arrays.copyOfRange(typed, 1, typed.length);
    }
}

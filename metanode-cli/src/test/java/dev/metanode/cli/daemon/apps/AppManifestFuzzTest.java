package dev.metanode.cli.daemon.apps;

import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * metanode.yaml comes from whoever deploys: any text must give a manifest or one
 * IllegalArgumentException, never another exception. Two generators: YAML assembled from the
 * manifest's own keys and values (reaches deep into the http section), and raw text.
 */
class AppManifestFuzzTest {
    private static final String[] KEYS = {"name", "command", "port", "http", "auth", "role", "require-signature",
            "rate-limit", "policy", "default", "rules", "light", "legal", "data-class", "region", "path", "env",
            "resources", "restart", "bogus"};
    private static final String[] VALUES = {"web", "[x]", "api-key", "jwt", "none", "red", "yellow", "green",
            "true", "false", "0", "1", "-1", "99999999999", "/", "\"*\"", "~", "[]", "{}", "\"\\u0000\"", "1.5",
            "!!binary AAAA", "&a x", "*a", "{name: r, light: red}", "[{name: r, light: red, legal: true}]"};

    @Property(tries = 2_000)
    void structuredManifestsParseOrFailWithOneLine(@ForAll("manifests") String yaml) throws Exception {
        check(yaml);
    }

    @Property(tries = 1_000)
    void rawTextParsesOrFailsWithOneLine(@ForAll("raw") String yaml) throws Exception {
        check(yaml);
    }

    private static void check(String yaml) throws Exception {
        Path dir = Files.createTempDirectory("manifest-fuzz");
        try {
            Files.writeString(dir.resolve(AppManifest.FILE), yaml);
            try {
                AppManifest.read(dir);
            } catch (IllegalArgumentException expected) {
                if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                    throw new AssertionError("an error without a message for:\n" + yaml);
                }
            }
        } finally {
            Files.deleteIfExists(dir.resolve(AppManifest.FILE));
            Files.delete(dir);
        }
    }

    @Provide
    Arbitrary<String> manifests() {
        Arbitrary<String> key = Arbitraries.of(KEYS);
        Arbitrary<String> value = Arbitraries.of(VALUES);
        Arbitrary<String> inner = Combinators.combine(key, value).as((k, v) -> k + ": " + v)
                .list().ofMaxSize(5).map(l -> "{" + String.join(", ", l) + "}");
        Arbitrary<String> line = Combinators.combine(key, Arbitraries.oneOf(value, inner)).as((k, v) -> k + ": " + v);
        Arbitrary<String> http = Combinators.combine(key, Arbitraries.oneOf(value, inner)).as((k, v) -> "  " + k + ": " + v)
                .list().ofMaxSize(6).map(l -> "http:\n" + String.join("\n", l));
        return Combinators.combine(line.list().ofMaxSize(4), http).as((l, h) ->
                "name: web\ncommand: [x]\n" + String.join("\n", l) + "\n" + h + "\n");
    }

    @Provide
    Arbitrary<String> raw() {
        return Arbitraries.strings().withChars("abcdehlnoprtuwy-:{}[],\"'*&!|>#\n /0123456789.\\").ofMaxLength(200)
                .map(s -> "name: web\ncommand: [x]\n" + s);
    }
}

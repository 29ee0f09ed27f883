package dev.metanode.cli.daemon.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.metanode.httpcage.AppPolicy;
import dev.metanode.httpcage.auth.AuthMode;
import dev.metanode.httpcage.auth.Role;
import dev.metanode.httpcage.policy.DataFlowPolicy;
import dev.metanode.httpcage.policy.Light;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppHttpPolicyTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path dir;

    static AppPolicy parse(String yaml) throws Exception {
        JsonNode root = YAML.readTree(yaml);
        return AppHttpPolicy.parse(root == null ? YAML.missingNode() : root.path("http"));
    }

    static String error(String yaml) {
        return assertThrows(IllegalArgumentException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void noSectionIsOpenAndAFullSectionIsRead() throws Exception {
        assertSame(AppHttpPolicy.DEFAULT, parse("name: x\n"));
        assertFalse(AppHttpPolicy.DEFAULT.signResponses());
        assertTrue(parse("http: {sign-responses: true}\n").signResponses());
        AppPolicy p = parse("""
                http:
                  auth: api-key
                  role: deployer
                  require-signature: true
                  rate-limit: 50
                  policy:
                    default: yellow
                    rules:
                      - {name: no-health-abroad, data-class: Health, region: "*", light: red, legal: true}
                      - {name: exports, path: /export, light: red}
                """);
        assertEquals(AuthMode.KEY, p.auth().mode());
        assertEquals(Role.DEPLOYER, p.auth().requiredRole());
        assertTrue(p.signatureRequired());
        assertEquals(50, p.requestsPerSecond());
        DataFlowPolicy.Outcome health = p.flow().evaluate("health", "us", "/x");
        assertEquals(Light.RED, health.light());
        assertTrue(health.legalBlock());
        assertEquals("no-health-abroad", health.rule());
        assertFalse(p.flow().evaluate(null, null, "/export/all").legalBlock());
        assertEquals(Light.RED, p.flow().evaluate(null, null, "/export/all").light());
        assertEquals(new DataFlowPolicy.Outcome(Light.YELLOW, "default", false), p.flow().evaluate(null, null, "/"));
        assertSame(DataFlowPolicy.ALLOW_ALL, parse("http: {auth: jwt}\n").flow(), "no rules: the gate's fast path");
    }

    @Test
    void mistakesAreOneLineNamingTheKey() {
        assertEquals("http: unknown key 'auht' (known: [auth, policy, rate-limit, require-signature, role, sign-responses])",
                error("http: {auht: none}"));
        assertEquals("http.auth must be one of none, api-key, jwt, api-key-or-jwt (got 'apikey')",
                error("http: {auth: apikey}"));
        assertEquals("http.role: unknown role 'root' (one of admin, deployer, auditor, viewer)",
                error("http: {auth: jwt, role: root}"));
        assertEquals("http.role needs http.auth (api-key, jwt or api-key-or-jwt): an open app checks no role",
                error("http: {role: admin}"));
        assertEquals("http.require-signature must be true or false", error("http: {require-signature: yes please}"));
        assertEquals("http.rate-limit is requests per second, a whole number from 1 to 1000000 (got \"100/s\")",
                error("http: {rate-limit: 100/s}"));
        assertEquals("http.rate-limit is requests per second, a whole number from 1 to 1000000 (got 0)",
                error("http: {rate-limit: 0}"));
        assertEquals("http.policy.rules[0].light is required: green, yellow or red",
                error("http: {policy: {rules: [{name: a}]}}"));
        assertEquals("http.policy.rules[0].light must be green, yellow or red (got 'amber')",
                error("http: {policy: {rules: [{name: a, light: amber}]}}"));
        assertEquals("http.policy.rules[0].legal applies to red rules only (refused with 451)",
                error("http: {policy: {rules: [{name: a, light: yellow, legal: true}]}}"));
        assertEquals("http.policy.rules[1]: unknown key 'class' (known: [data-class, legal, light, name, path, region])",
                error("http: {policy: {rules: [{name: a, light: red}, {name: b, class: x, light: red}]}}"));
        assertEquals("http.policy.rules[0].path must start with '/' (at most 1024 characters)",
                error("http: {policy: {rules: [{name: a, path: export, light: red}]}}"));
        assertEquals("http.policy.rules must be a list of rules", error("http: {policy: {rules: red}}"));
        assertEquals("http must be a mapping (known keys: [auth, policy, rate-limit, require-signature, role, sign-responses])",
                error("http: api-key"));
        assertEquals("http.auth must be a string (got number)", error("http: {auth: 1}"));
    }

    @Test
    void theManifestCarriesThePolicyAndNamesTheFile() throws Exception {
        Files.writeString(dir.resolve("metanode.yaml"), "name: web\ncommand: [x]\nhttp: {auth: api-key-or-jwt}\n");
        assertEquals(AuthMode.KEY_OR_JWT, AppManifest.read(dir).http().auth().mode());
        Files.writeString(dir.resolve("metanode.yaml"), "name: web\ncommand: [x]\nhttp: {auth: password}\n");
        String message = assertThrows(IllegalArgumentException.class, () -> AppManifest.read(dir)).getMessage();
        assertEquals(dir.resolve("metanode.yaml") + ": http.auth must be one of none, api-key, jwt, api-key-or-jwt"
                + " (got 'password')", message);
    }
}

package dev.metanode.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.log.LogSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultsFileReadsBackAsTheDefaults() throws IOException {
        Path file = dir.resolve("metanode.yaml");
        Files.writeString(file, ConfigFile.defaultsText("local-abc"));
        NodeConfig config = ConfigFile.read(file);
        assertEquals(NodeConfig.defaults("local-abc"), config);
        assertEquals("metanode/local-abc", config.checkpointOrigin());
    }

    @Test
    void missingSectionsTakeDefaults() throws IOException {
        Path file = dir.resolve("metanode.yaml");
        Files.writeString(file, "chainId: x1\n");
        assertEquals(LogSettings.DEFAULTS, ConfigFile.read(file).log());
    }

    @Test
    void mistakesNameTheKey() throws IOException {
        Path file = dir.resolve("metanode.yaml");
        Files.writeString(file, "chainId: x1\napi:\n  prot: 80\n");
        ConfigException unknown = assertThrows(ConfigException.class, () -> ConfigFile.read(file));
        assertTrue(unknown.getMessage().contains("api.prot"), unknown.getMessage());
        Files.writeString(file, "chainId: x1\napi:\n  port: lots\n");
        ConfigException type = assertThrows(ConfigException.class, () -> ConfigFile.read(file));
        assertTrue(type.getMessage().contains("'port'"), type.getMessage());
        Files.writeString(file, "chainId: Bad Name\n");
        assertThrows(ConfigException.class, () -> ConfigFile.read(file));
        Files.writeString(file, "chainId: [unclosed\n");
        assertThrows(ConfigException.class, () -> ConfigFile.read(file));
    }

    @Test
    void plainHttpOnlyOnLoopbackAndHostsAreAddresses() throws IOException {
        Path file = dir.resolve("metanode.yaml");
        Files.writeString(file, "chainId: x1\nhttp:\n  host: 0.0.0.0\n");
        ConfigException plain = assertThrows(ConfigException.class, () -> ConfigFile.read(file));
        assertEquals(file + ": http.host 0.0.0.0 is not loopback: plain HTTP is served on loopback only; set"
                + " http.tls: true to serve it over TLS", plain.getMessage());
        Files.writeString(file, "chainId: x1\nhttp:\n  host: 0.0.0.0\n  tls: true\n");
        NodeConfig tls = ConfigFile.read(file);
        assertTrue(tls.httpTls());
        assertEquals("0.0.0.0", tls.httpHost());
        for (String loopback : new String[] {"127.0.0.2", "::1", "localhost"}) {
            Files.writeString(file, "chainId: x1\nhttp:\n  host: \"" + loopback + "\"\n");
            assertEquals(loopback, ConfigFile.read(file).httpHost());
        }
        Files.writeString(file, "chainId: x1\nhttp:\n  host: example.org\n  tls: true\n");
        ConfigException name = assertThrows(ConfigException.class, () -> ConfigFile.read(file));
        assertTrue(name.getMessage().endsWith("http.host must be an IP address or localhost (got 'example.org')"),
                name.getMessage());
        Files.writeString(file, "chainId: x1\nhttp:\n  tls: yes please\n");
        ConfigException bool = assertThrows(ConfigException.class, () -> ConfigFile.read(file));
        assertTrue(bool.getMessage().contains("'tls' must be true or false"), bool.getMessage());
    }
}

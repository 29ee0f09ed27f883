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
}

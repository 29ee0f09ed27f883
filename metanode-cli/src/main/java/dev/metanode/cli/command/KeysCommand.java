package dev.metanode.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.cli.UserException;
import dev.metanode.cli.client.ApiClient;
import dev.metanode.cli.options.HomeOptions;
import dev.metanode.cli.options.OutputOptions;
import dev.metanode.core.codec.Json;
import dev.metanode.core.crypto.KeyFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** API keys for the HTTP front door: create (the token is shown once), list, revoke. */
@Command(name = "keys", description = "API keys for the HTTP front door (roles admin, deployer, auditor, viewer).",
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
public final class KeysCommand {
    /** Creates a key; the node keeps only its hash, so this is the one time the token exists in the clear. */
    @Command(name = "create", description = "Create an API key and print its token (shown only this once).")
    public static final class Create implements Callable<Integer> {
        @Mixin
        HomeOptions homeOptions;

        @Mixin
        OutputOptions output;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "What the key may do: admin, deployer, auditor or viewer.")
        String role;

        @Option(names = "--name", paramLabel = "NAME", defaultValue = "", description = "A label for people.")
        String name;

        @Option(names = "--token-file", paramLabel = "FILE",
                description = "Write the token to FILE (mode 0600) instead of printing it.")
        Path tokenFile;

        @Override
        public Integer call() throws IOException {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("role", role);
            request.put("name", name);
            JsonNode key = ApiClient.connect(homeOptions.home())
                    .post("/api/v1/keys", Json.write(request).getBytes(StandardCharsets.UTF_8));
            String token = key.path("token").asText();
            if (tokenFile != null) {
                try {
                    KeyFiles.writeSecret(tokenFile, token + "\n");
                } catch (IOException e) {
                    throw new UserException("key " + key.path("id").asText() + " was created but its token could not be"
                            + " written to " + tokenFile + " (" + e.getMessage() + "); revoke it and try again");
                }
                ((com.fasterxml.jackson.databind.node.ObjectNode) key).put("token", "(in " + tokenFile + ")");
            }
            if (output.json()) {
                System.out.println(Json.pretty(key));
                return 0;
            }
            System.out.println("id       " + key.path("id").asText());
            System.out.println("role     " + key.path("role").asText());
            System.out.println("name     " + key.path("name").asText());
            System.out.println("receipt  " + key.path("receipt").asText());
            System.out.println("token    " + key.path("token").asText());
            if (tokenFile == null) {
                System.out.println("The token is shown only this once; send it as 'Authorization: Bearer TOKEN'.");
            }
            return 0;
        }
    }

    /** Every key, revoked ones included (receipts name them); never a token. */
    @Command(name = "list", description = "List API keys (never their tokens).")
    public static final class ListKeys implements Callable<Integer> {
        @Mixin
        HomeOptions homeOptions;

        @Mixin
        OutputOptions output;

        @Override
        public Integer call() {
            JsonNode keys = ApiClient.connect(homeOptions.home()).get("/api/v1/keys").path("keys");
            if (output.json()) {
                System.out.println(Json.pretty(keys));
                return 0;
            }
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode k : keys) {
                rows.add(List.of(k.path("id").asText(), k.path("role").asText(),
                        k.path("revoked").asBoolean() ? "revoked" : "active", k.path("created").asText(),
                        k.path("name").asText()));
            }
            System.out.print(Text.table(List.of("ID", "ROLE", "STATE", "CREATED", "NAME"), rows));
            return 0;
        }
    }

    /** Revokes a key: the next request with it is refused with 401. */
    @Command(name = "revoke", description = "Revoke an API key; requests with it are refused from now on.")
    public static final class Revoke implements Callable<Integer> {
        @Mixin
        HomeOptions homeOptions;

        @Mixin
        OutputOptions output;

        @Parameters(paramLabel = "ID", description = "The key's id (metanode keys list).")
        String id;

        @Override
        public Integer call() {
            JsonNode answer = ApiClient.connect(homeOptions.home()).delete("/api/v1/keys/" + id);
            if (output.json()) {
                System.out.println(Json.pretty(answer));
            } else {
                System.out.println("revoked " + id + "; receipt " + answer.path("receipt").asText());
            }
            return 0;
        }
    }
}

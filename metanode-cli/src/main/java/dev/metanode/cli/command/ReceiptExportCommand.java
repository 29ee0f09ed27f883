package dev.metanode.cli.command;

import dev.metanode.cli.UserException;
import dev.metanode.cli.client.ApiClient;
import dev.metanode.cli.options.HomeOptions;
import dev.metanode.core.receipt.ReceiptIds;
import dev.metanode.httpcage.notary.ExchangeStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Writes the offline bundle: receipt, inclusion proof, signed checkpoint, in one JSON file. */
@Command(name = "export", description = "Write a receipt's offline proof bundle to a file.")
public final class ReceiptExportCommand implements Callable<Integer> {
    @Mixin
    HomeOptions homeOptions;

    @Parameters(paramLabel = "ID", description = "Receipt id (rx_…), or an HTTP exchange id (hx_…) for its proof.")
    String id;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the bundle.")
    Path out;

    @Override
    public Integer call() {
        boolean exchange = id.startsWith(ExchangeStore.ID_PREFIX);
        if (!exchange) {
            ReceiptIds.hexPart(id);
        }
        byte[] bundle = ApiClient.connect(homeOptions.home()).getBytes(exchange ? "/api/v1/exchanges/" + id + "/proof"
                : "/api/v1/receipts/" + id + "/bundle");
        try {
            Path abs = out.toAbsolutePath();
            Path tmp = Files.createTempFile(abs.getParent(), ".bundle-", ".tmp");
            Files.write(tmp, bundle);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserException("cannot write " + out + ": " + e.getMessage());
        }
        System.out.println("wrote " + out + " (" + bundle.length + " bytes); verify it anywhere with:");
        System.out.println("  metanode verify --bundle " + out + " --trust node.pub   (node.pub from 'metanode key show')");
        return 0;
    }
}

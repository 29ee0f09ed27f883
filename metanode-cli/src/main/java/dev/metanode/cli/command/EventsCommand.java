package dev.metanode.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.cli.UserException;
import dev.metanode.cli.client.ApiClient;
import dev.metanode.cli.client.DaemonInfo;
import dev.metanode.cli.home.NodeHome;
import dev.metanode.cli.options.HomeOptions;
import dev.metanode.cli.options.OutputOptions;
import dev.metanode.core.codec.Json;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The node's events as they happen (the API's {@code /api/v1/events}, the same feed as the front
 * door's {@code /ws}), one line each, until interrupted or until the node stops.
 */
@Command(name = "events", description = "Stream the node's events (receipt, app, checkpoint, block) until interrupted.")
public final class EventsCommand implements Callable<Integer> {
    /** The event types a node publishes. */
    enum Type { receipt, app, checkpoint, block }

    @Mixin
    HomeOptions homeOptions;

    @Mixin
    OutputOptions output;

    @Option(names = "--types", split = ",", paramLabel = "TYPE",
            description = "Only these types, comma-separated: ${COMPLETION-CANDIDATES} (default: all).")
    List<Type> types = List.of();

    @Override
    public Integer call() {
        NodeHome home = homeOptions.home();
        ApiClient client = ApiClient.connect(home);
        try {
            client.stream("GET", path(), null, this::print);
        } catch (ReaderGone e) {
            return 0; // piped into a reader that has had enough (head, grep -m): a normal end
        } catch (UserException e) {
            if (DaemonInfo.read(home).isPresent()) {
                throw e; // the node runs: the stream itself failed, and the message says why
            }
        }
        if (DaemonInfo.read(home).isPresent()) {
            throw new UserException("the node closed the event stream");
        }
        throw new UserException("the node stopped; no more events");
    }

    String path() {
        if (types.isEmpty()) {
            return "/api/v1/events";
        }
        return "/api/v1/events?types=" + types.stream().map(Type::name).distinct().collect(Collectors.joining(","));
    }

    private void print(JsonNode event) {
        if (event.hasNonNull("error")) {
            throw new UserException(event.get("error").asText());
        }
        System.out.println(output.json() ? Json.write(event) : EventText.line(event));
        if (System.out.checkError()) {
            throw new ReaderGone();
        }
    }

    /** Standard output was closed by whoever read it. */
    private static final class ReaderGone extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReaderGone() {
            super(null, null, false, false);
        }
    }
}

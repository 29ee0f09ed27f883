package dev.metanode.cli.options;

import picocli.CommandLine.Option;

/** -o text|json: text for people, JSON for scripts. */
public final class OutputOptions {
    /** The two output formats. */
    public enum Format { text, json }

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format = Format.text;

    public boolean json() {
        return format == Format.json;
    }
}

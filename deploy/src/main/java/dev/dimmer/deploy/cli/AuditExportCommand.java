package dev.dimmer.deploy.cli;

import dev.dimmer.deploy.client.ApiClient;
import dev.dimmer.deploy.client.ApiException;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", description = "Export a migration's audit trail: JSON Lines an auditor verifies offline "
        + "(dimmer audit verify --file), or a report (md, html)")
final class AuditExportCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "MIGRATION", description = "Migration id")
    String migration;

    @Option(names = "--format", defaultValue = "jsonl", paramLabel = "FORMAT",
            description = "jsonl (default), md or html")
    String format;

    @Option(names = "--from", paramLabel = "INSTANT", description = "Only events at or after, e.g. 2026-12-01T09:00:00Z")
    String from;

    @Option(names = "--to", paramLabel = "INSTANT", description = "Only events at or before")
    String to;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of standard output")
    Path output;

    @Override
    void run(ApiClient client) {
        String accept = switch (format) {
            case "jsonl" -> "application/x-ndjson";
            case "md" -> "text/markdown";
            case "html" -> "text/html";
            default -> throw new ApiException(2, "--format must be jsonl, md or html; got '" + format + "'", null);
        };
        StringBuilder path = new StringBuilder("/api/migrations/").append(Paths.segment(migration))
                .append("/audit/export?format=").append(format);
        if (from != null) {
            path.append("&from=").append(URLEncoder.encode(from, StandardCharsets.UTF_8));
        }
        if (to != null) {
            path.append("&to=").append(URLEncoder.encode(to, StandardCharsets.UTF_8));
        }
        String body = client.getText(path.toString(), accept + ", application/json");
        if (output == null) {
            out().print(body);
            return;
        }
        try {
            Files.writeString(output, body);
        } catch (IOException e) {
            throw new ApiException(2, "cannot write " + output + ": " + e.getMessage(), null);
        }
        err().println("wrote " + format + " export of " + migration + " to " + output);
    }
}

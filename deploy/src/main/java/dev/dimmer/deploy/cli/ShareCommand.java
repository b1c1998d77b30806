package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.client.ApiClient;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "share", description = "Print a signed, read-only link to one migration's status page, for people "
        + "without an account (creating and revoking links are on the migration's audit trail)")
final class ShareCommand extends SendingCommand {
    @Parameters(index = "0", paramLabel = "MIGRATION", description = "Migration id (the plan's slug)")
    String migration;

    @Option(names = "--expires", paramLabel = "DURATION", description = "How long the link opens the page, e.g. "
            + "12h, 7d, 2w (default 7d, at most 90d)")
    String expires;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Who it is for, or why (kept in the audit trail)")
    String reason;

    @Option(names = "--list", description = "List the migration's links: active, expired and revoked")
    boolean list;

    @Option(names = "--revoke", paramLabel = "LINK_ID", description = "Revoke a link: from now on it opens nothing")
    String revoke;

    @Override
    void run(ApiClient client) {
        String base = "/api/migrations/" + Paths.segment(migration) + "/share-links";
        if (list && revoke != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "give --list or --revoke LINK_ID, not both");
        }
        if (list) {
            list(client.get(base));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (reason != null) {
            body.put("reason", reason);
        }
        if (revoke != null) {
            JsonNode revoked = client.post(base + "/" + Paths.segment(revoke) + "/revoke", body);
            noteWarning();
            if (options.json) {
                printJson(revoked);
                return;
            }
            out().println("share link " + revoke + " of " + migration + " revoked: it opens nothing from now on");
            return;
        }
        if (expires != null) {
            body.put("expires", expires);
        }
        JsonNode created = client.post(base, body);
        noteWarning();
        if (options.json) {
            printJson(created);
            return;
        }
        out().println(created.path("url").asText());
        err().println("read-only link to " + migration + " until " + Describe.time(created.path("expires_at")
                .asText()) + " (link " + created.path("link_id").asText() + "; revoke it with dimmer share "
                + migration + " --revoke " + created.path("link_id").asText() + ")");
    }

    private void list(JsonNode answer) {
        if (options.json) {
            printJson(answer);
            return;
        }
        if (answer.path("links").isEmpty()) {
            out().println("migration " + migration + " has no share links; make one with dimmer share " + migration);
            return;
        }
        TextTable table = new TextTable("LINK", "STATE", "CREATED", "EXPIRES", "REVOKED", "URL");
        for (JsonNode link : answer.path("links")) {
            table.row(link.path("link_id").asText(), link.path("state").asText(),
                    Describe.time(link.path("created_at").asText()), Describe.time(link.path("expires_at").asText()),
                    link.path("revoked_at").isNull() ? "" : Describe.time(link.path("revoked_at").asText()),
                    link.path("url").isNull() ? "" : link.path("url").asText());
        }
        out().print(table.render(""));
    }
}

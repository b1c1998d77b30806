package dev.dimmer.projections.web;

import dev.dimmer.api.actor.Role;
import dev.dimmer.api.audit.AuditEntryView;
import dev.dimmer.api.audit.AuditTrailView;
import dev.dimmer.api.audit.FindAuditTrailQuery;
import dev.dimmer.projections.export.AuditReport;
import dev.dimmer.projections.export.CheckpointOnDemand;
import dev.dimmer.projections.export.HtmlReport;
import dev.dimmer.projections.export.JsonLinesExport;
import dev.dimmer.projections.export.LedgerRows;
import dev.dimmer.projections.export.MarkdownReport;
import dev.dimmer.projections.export.LedgerTree;
import dev.dimmer.projections.export.StoredCheckpoint;
import dev.dimmer.projections.export.StoredEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.queryhandling.QueryGateway;

/**
 * A migration's audit trail for auditors: JSON Lines they can verify offline, or a report (Markdown, HTML). The
 * window {@code from}/{@code to} (ISO-8601 instants, both inclusive) compares with each event's stored time stamp.
 */
@Controller("/api/migrations/{migration}/audit/export")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AuditExportController {
    private static final int PAGE = 1000;
    private final QueryGateway queries;
    private final LedgerRows rows;
    private final java.util.Optional<CheckpointOnDemand> signing;

    AuditExportController(QueryGateway queries, LedgerRows rows, java.util.Optional<CheckpointOnDemand> signing) {
        this.queries = queries;
        this.rows = rows;
        this.signing = signing;
    }

    @Get
    HttpResponse<String> export(HttpRequest<?> request, @PathVariable String migration,
                                @Nullable @QueryValue String format, @Nullable @QueryValue String from,
                                @Nullable @QueryValue String to) {
        Readers.requireAny(request, Role.AUDITOR, Role.LEAD, Role.OPERATOR);
        StatusController.find(queries, migration);
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        String kind = format == null ? "jsonl" : format;
        return switch (kind) {
            case "jsonl" -> HttpResponse.ok(jsonLines(migration, start, end)).contentType("application/x-ndjson");
            case "md" -> HttpResponse.ok(MarkdownReport.render(report(migration, from, to, start, end)))
                    .contentType("text/markdown; charset=utf-8");
            case "html" -> HttpResponse.ok(HtmlReport.render(report(migration, from, to, start, end)))
                    .contentType("text/html; charset=utf-8");
            default -> throw new HttpStatusException(HttpStatus.BAD_REQUEST, "format must be jsonl, md or html; got '"
                    + kind + "'");
        };
    }

    private String jsonLines(String migration, Instant from, Instant to) {
        signing.ifPresent(CheckpointOnDemand::signNow);
        List<StoredEvent> events = rows.migration(migration).stream()
                .filter(e -> within(Instant.parse(e.timeStamp()), from, to)).toList();
        List<StoredCheckpoint> checkpoints = rows.checkpoints();
        LedgerTree tree = rows.tree(checkpoints.isEmpty() ? 0 : checkpoints.get(checkpoints.size() - 1).treeSize());
        return JsonLinesExport.write(migration, from, to, events, checkpoints, tree);
    }

    private AuditReport report(String migration, String fromText, String toText, Instant from, Instant to) {
        List<AuditEntryView> entries = new ArrayList<>();
        long after = -1;
        while (true) {
            List<AuditEntryView> page = queries.query(new FindAuditTrailQuery(migration, after, PAGE),
                    AuditTrailView.class).join().entries();
            page.stream().filter(e -> within(e.time(), from, to)).forEach(entries::add);
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).position();
        }
        return AuditReport.of(migration, fromText, toText, entries);
    }

    private static boolean within(Instant time, Instant from, Instant to) {
        return (from == null || !time.isBefore(from)) && (to == null || !time.isAfter(to));
    }

    private static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, name + " must be an ISO-8601 instant such as "
                    + "2026-12-01T09:00:00Z; got '" + text + "'");
        }
    }
}

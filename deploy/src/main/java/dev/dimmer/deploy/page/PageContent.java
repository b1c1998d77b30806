package dev.dimmer.deploy.page;

import dev.dimmer.api.audit.AuditEntryView;
import dev.dimmer.api.audit.FindAuditTrailQuery;
import dev.dimmer.api.audit.GoNoGoAsOfView;
import dev.dimmer.api.evidence.GateChecklistView;
import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.migration.PhaseWords;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.PlanDuration;
import dev.dimmer.api.status.FindMigrationQuery;
import dev.dimmer.api.status.FindMigrationsQuery;
import dev.dimmer.api.status.MigrationStatusView;
import dev.dimmer.api.status.WaveStatusView;
import dev.dimmer.core.evidence.MigrationReader;
import dev.dimmer.plan.CutoverCalendar;
import dev.dimmer.projections.audit.AuditQueries;
import dev.dimmer.projections.status.StatusQueries;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Builds what the pages show from the views (status board, audit trail, validation results) and, for what only
 * the migration knows (plan, gate checklists, open votes), from the migration itself. Nothing here shows a
 * connection, a secret or a token: the plan's connections and the steps' SQL and URLs are never read into a page.
 */
@Singleton
final class PageContent {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm zzz",
            java.util.Locale.ROOT);
    private final StatusQueries status;
    private final AuditQueries audit;
    private final PageQueries queries;
    private final MigrationFacts facts;
    private final MigrationReader migrations;
    private final Clock clock;

    PageContent(StatusQueries status, AuditQueries audit, PageQueries queries, MigrationFacts facts,
                MigrationReader migrations, Clock clock) {
        this.status = status;
        this.audit = audit;
        this.queries = queries;
        this.facts = facts;
        this.migrations = migrations;
        this.clock = clock;
    }

    List<MigrationCard> overview() throws SQLException {
        Instant now = clock.instant();
        Map<String, FailingCheck> failing = queries.failing();
        List<MigrationCard> cards = new ArrayList<>();
        for (MigrationStatusView view : status.handle(new FindMigrationsQuery()).migrations()) {
            cards.add(card(view, "/migrations/" + view.id(), failing.get(view.id()), now));
        }
        return cards;
    }

    Optional<MigrationStatusView> status(String migration) throws SQLException {
        return status.handle(new FindMigrationQuery(migration));
    }

    MigrationPage migration(Chrome chrome, MigrationStatusView view, String base) throws SQLException {
        Instant now = clock.instant();
        FailingCheck failing = queries.failing().get(view.id());
        MigrationCard card = card(view, base, failing, now);
        Optional<MigrationFacts.Known> known = facts.of(view.id(), view.version());
        MigrationPlan plan = known.map(MigrationFacts.Known::plan).orElse(null);
        Map<String, List<Moment>> timelines = queries.timelines(view.id());
        List<WaveDetail> waves = new ArrayList<>();
        for (int i = 0; i < view.waves().size(); i++) {
            WaveStatusView wave = view.waves().get(i);
            List<PlannedStep> runbook = plan == null ? List.of() : plan.rollback().actionsFor(wave.name()).stream()
                    .map(a -> new PlannedStep(a.kind(), a.description(), a.estimate() == null ? ""
                            : a.estimate().text())).toList();
            waves.add(new WaveDetail(card.waves().get(i), wave.since(), wave.by(), wave.dependsOn(),
                    timelines.getOrDefault(wave.name(), List.of()), checklist(view.id(), wave.name(), now),
                    wave.runbook(), runbook));
        }
        List<Person> owners = plan == null ? List.of() : plan.owners().stream()
                .map(o -> new Person(o.name() == null ? o.id() : o.name(), o.role() == null ? "" : o.role().label()))
                .toList();
        String channel = plan == null || plan.communication() == null ? null : plan.communication().channel();
        return new MigrationPage(chrome, card, base + "/audit", waves, queries.trends(view.id()), owners, channel,
                plan == null ? List.of() : openings(plan, now, 5));
    }

    List<AuditEntryView> trail(String migration) {
        try {
            return audit.handle(new FindAuditTrailQuery(migration, -1, 10_000)).entries();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit trail of " + migration + ": "
                    + e.getMessage(), e);
        }
    }

    private GateChecklistView checklist(String migration, String wave, Instant now) {
        try {
            GateChecklistView view = migrations.read(migration, m -> m.checklist(wave, now));
            return "none".equals(view.transition()) ? null : view;
        } catch (AggregateNotFoundException | dev.dimmer.api.migration.CommandRejectedException e) {
            return null;
        }
    }

    private MigrationCard card(MigrationStatusView view, String href, FailingCheck failing, Instant now) {
        List<WaveBar> bars = view.waves().stream().map(w -> new WaveBar(w.name(), PhaseStyle.of(w.phase()),
                w.phase() == Phase.CANARY ? w.weight() : w.phase().fixedWeight(),
                PhaseWords.reads(w.phase(), w.weight()))).toList();
        Optional<MigrationFacts.Known> known = facts.of(view.id(), view.version());
        String next = known.map(k -> openings(k.plan(), now, 1)).filter(o -> !o.isEmpty())
                .map(o -> o.get(0).local() + (o.get(0).freeze() == null ? "" : " (frozen: " + o.get(0).freeze() + ")"))
                .orElse(null);
        List<String> votes = known.map(k -> k.votes().stream().map(PageContent::vote).toList()).orElse(List.of());
        return new MigrationCard(view.id(), view.title(), view.state(), href, view.updatedAt(), view.updatedBy(),
                view.position(), bars, next, votes, failing);
    }

    private static String vote(GoNoGoAsOfView vote) {
        return "cutover of " + vote.wave() + ": " + vote.approvals() + " approve, " + vote.rejections()
                + " reject" + (vote.passed() ? " (passed)" : "");
    }

    private static List<Opening> openings(MigrationPlan plan, Instant now, int count) {
        if (plan == null || plan.windows() == null || plan.windows().cutover() == null) {
            return List.of();
        }
        CutoverCalendar calendar = new CutoverCalendar(plan.windows());
        ZonedDateTime start = now.atZone(calendar.zone());
        List<Opening> openings = new ArrayList<>();
        for (ZonedDateTime at : calendar.openings(start, start.plusDays(120))) {
            openings.add(new Opening(at.toInstant(), LOCAL.format(at) + " for " + PlanDuration.orZero(
                    plan.windows().cutover().duration()).toMinutes() + " min",
                    calendar.freezeAt(at).map(f -> f.reason() == null ? "freeze " + f.from() + " to " + f.to() : f.reason()).orElse(null)));
            if (openings.size() == count) {
                break;
            }
        }
        return openings;
    }

    /** The distinct values of one column of a trail, sorted, for the filters' choices. */
    static List<String> distinct(List<AuditEntryView> entries, java.util.function.Function<AuditEntryView, String> f) {
        TreeSet<String> values = new TreeSet<>();
        entries.stream().map(f).filter(v -> v != null && !v.isBlank()).forEach(values::add);
        return List.copyOf(values);
    }
}

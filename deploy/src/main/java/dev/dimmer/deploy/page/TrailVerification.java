package dev.dimmer.deploy.page;

import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.Role;
import dev.dimmer.api.ledger.LedgerProblem;
import dev.dimmer.api.ledger.LedgerReport;
import dev.dimmer.core.audit.Checkpointer;
import dev.dimmer.core.audit.LedgerVerifier;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;
import org.axonframework.common.jdbc.ConnectionProvider;

/**
 * The audit page's "verify": the migration's events against the signed ledger (as {@code dimmer audit verify}
 * does, after signing a checkpoint over the newest events), and then the trail the page shows against those
 * events, for the page reads its rows from the audit view, a table the ledger does not cover. Auditors, leads and
 * operators may verify, as over the API.
 */
@Singleton
final class TrailVerification {
    private static final Set<Role> VERIFIERS = EnumSet.of(Role.AUDITOR, Role.LEAD, Role.OPERATOR);
    // the first row of the shown trail that is not its event as logged (or an event with no row), and what differs
    private static final String SHOWN = """
            WITH logged AS (
                SELECT global_index, event_identifier, regexp_replace(payload_type, '^.*[.$]', '') AS type,
                       convert_from(meta_data, 'UTF8')::jsonb AS meta
                  FROM domain_event_entry WHERE aggregate_identifier = ?),
            shown AS (SELECT * FROM audit_entry WHERE migration_id = ?)
            SELECT coalesce(s.position, l.global_index) AS position,
                   CASE WHEN l.global_index IS NULL THEN 'a row no event backs'
                        WHEN s.position IS NULL THEN 'an event missing from the trail'
                        WHEN s.event_id IS DISTINCT FROM l.event_identifier THEN 'its event id'
                        WHEN s.type IS DISTINCT FROM l.type THEN 'what happened'
                        WHEN s.actor_id IS DISTINCT FROM l.meta ->> 'actor_id'
                          OR s.actor_name IS DISTINCT FROM l.meta ->> 'actor_name' THEN 'who'
                        WHEN s.channel IS DISTINCT FROM l.meta ->> 'channel' THEN 'the channel'
                        ELSE 'why' END AS what
              FROM shown s FULL JOIN logged l ON l.global_index = s.position
             WHERE l.global_index IS NULL OR s.position IS NULL
                OR s.event_id IS DISTINCT FROM l.event_identifier OR s.type IS DISTINCT FROM l.type
                OR s.actor_id IS DISTINCT FROM l.meta ->> 'actor_id'
                OR s.actor_name IS DISTINCT FROM l.meta ->> 'actor_name'
                OR s.channel IS DISTINCT FROM l.meta ->> 'channel'
                OR s.reason IS DISTINCT FROM l.meta ->> 'reason'
             ORDER BY 1 LIMIT 1""";
    private final BeanProvider<LedgerVerifier> verifier;
    private final BeanProvider<Checkpointer> checkpointer;
    private final ConnectionProvider connections;

    TrailVerification(BeanProvider<LedgerVerifier> verifier, BeanProvider<Checkpointer> checkpointer,
                      ConnectionProvider connections) {
        this.verifier = verifier;
        this.checkpointer = checkpointer;
        this.connections = connections;
    }

    /** Whether this reader may verify here: signed in (not on a share link), with a verifying role. */
    boolean mayVerify(Actor reader) {
        return reader != null && VERIFIERS.stream().anyMatch(reader::holds) && verifier.find(null).isPresent();
    }

    LedgerVerdict verify(String migration) {
        try {
            var signer = checkpointer.find(null);
            if (signer.isPresent()) {
                signer.get().checkpoint(true);
            }
            LedgerReport report = verifier.get().verify(migration);
            if (!report.intact()) {
                LedgerProblem first = report.problems().get(0);
                String where = first.position() >= 0 ? " at audit #" + first.position()
                        : first.leaf() >= 0 ? " at leaf " + first.leaf() : "";
                return new LedgerVerdict(false, "Tampered", report.problems().size() + " problem"
                        + (report.problems().size() == 1 ? "" : "s") + " found; the first: " + first.kind() + where
                        + ": " + first.detail() + ".", first.position());
            }
            try (Connection c = connections.getConnection(); PreparedStatement s = c.prepareStatement(SHOWN)) {
                s.setString(1, migration);
                s.setString(2, migration);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        return new LedgerVerdict(false, "Tampered", "the signed ledger checks out, but the trail shown "
                                + "here is not the event log at audit #" + r.getLong(1) + ": " + r.getString(2)
                                + " differs. Rebuild the audit view from the log (dimmer projections rebuild).",
                                r.getLong(1));
                    }
                }
            }
            return new LedgerVerdict(true, "Intact", report.events() + " events recompute to their notarised leaves, "
                    + report.checkpoints() + " signed checkpoint" + (report.checkpoints() == 1 ? "" : "s")
                    + " check out, and the trail below is the event log.", -1);
        } catch (SQLException | RuntimeException e) {
            return new LedgerVerdict(false, "Could not verify", "the database answered: " + e.getMessage()
                    + ". Try again, or run dimmer audit verify " + migration + ".", -1);
        }
    }
}

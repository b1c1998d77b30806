package dev.dimmer.bench;

import dev.dimmer.api.ledger.LedgerReport;
import dev.dimmer.core.audit.Checkpointer;
import dev.dimmer.core.audit.LedgerVerifier;
import dev.dimmer.core.audit.Notary;
import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The verify rate on a log of a given size, beside a bare read of the same rows in the same process. The log is the
 * bench's own, topped up with copies of its events (under aggregates of their own and a payload type no handler
 * reads), each notarised by the notary's own statement, so the verifier sees a realistic mix of sizes.
 */
record LedgerRates(long events, double bare, double verify, double jvmMicros, double postgresMicros) {
    /** Events per second two cores would verify with nothing else running: 2 / (CPU per event, both processes). */
    double onTwoFreeCores() {
        return 2e6 / (jvmMicros + postgresMicros);
    }

    static final int TIMES = 3;
    private static final String BARE = """
            SELECT l.leaf_index, l.global_index, l.event_identifier, l.leaf_hash, p.leaf_hash, e.global_index,
                   e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type, e.payload_type,
                   e.payload_revision, e.time_stamp, e.payload, e.meta_data
              FROM audit_leaf l FULL JOIN domain_event_entry e ON e.event_identifier = l.event_identifier
              LEFT JOIN audit_pending p ON p.event_identifier = e.event_identifier""";

    static LedgerRates measure(ApplicationContext context, int target) throws SQLException {
        DataSource dataSource = context.getBean(DataSource.class);
        topUp(dataSource, context.getBean(Notary.class), target);
        context.getBean(Checkpointer.class).checkpoint(true);
        LedgerVerifier verifier = context.getBean(LedgerVerifier.class);
        verifier.verify(null);
        try {
            if (!Idle.await(java.time.Duration.ofSeconds(90))) {
                System.out.println("  (the control plane still reads the topped-up log after 90 s; verify measured anyway)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        double[] bare = new double[TIMES];
        double[] verify = new double[TIMES];
        double[] jvm = new double[TIMES];
        double[] postgres = new double[TIMES];
        long events = 0;
        var os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        try (PostgresCpuProbe probe = new PostgresCpuProbe(dataSource.getConnection())) {
            for (int i = 0; i < TIMES; i++) {
                long started = System.nanoTime();
                events = bareRead(dataSource);
                bare[i] = events / ((System.nanoTime() - started) / 1e9);
                long jvmBefore = os.getProcessCpuTime();
                double postgresBefore = probe.seconds();
                started = System.nanoTime();
                LedgerReport report = verifier.verify(null);
                verify[i] = report.events() / ((System.nanoTime() - started) / 1e9);
                // CPU, not wall time: what the verification itself costs, whatever else the machine runs
                jvm[i] = (os.getProcessCpuTime() - jvmBefore) / 1e3 / report.events();
                postgres[i] = (probe.seconds() - postgresBefore) * 1e6 / report.events();
                if (!report.intact()) {
                    throw new IllegalStateException("the bench's own log does not verify: " + report.problems().get(0));
                }
            }
        }
        return new LedgerRates(events, BenchAuditCommand.median(bare), BenchAuditCommand.median(verify),
                BenchAuditCommand.median(jvm), BenchAuditCommand.median(postgres));
    }

    private static void topUp(DataSource dataSource, Notary notary, int target) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long have;
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM domain_event_entry");
                 ResultSet r = s.executeQuery()) {
                r.next();
                have = r.getLong(1);
            }
            if (have >= target || have == 0) {
                return;
            }
            long copies = (target - have + have - 1) / have;
            List<String> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO domain_event_entry (event_identifier, meta_data, payload, payload_revision,
                           payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                    SELECT 'copy-' || g || '-' || e.event_identifier, e.meta_data, e.payload, e.payload_revision,
                           'dev.dimmer.bench.CopiedEvent', e.time_stamp, 'bench-copy-' || g || '-'
                           || e.aggregate_identifier, e.sequence_number, e.type
                      FROM (SELECT * FROM domain_event_entry ORDER BY global_index) e, generate_series(1, ?) g
                     LIMIT ? RETURNING event_identifier""")) {
                s.setLong(1, copies);
                s.setLong(2, target - have);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getString(1));
                    }
                }
            }
            for (int i = 0; i < ids.size(); i += 5000) {
                notary.record(c, ids.subList(i, Math.min(ids.size(), i + 5000)));
            }
            c.commit();
        }
    }

    private static long bareRead(DataSource dataSource) throws SQLException {
        long rows = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(BARE)) {
                // as the verifier reads: binary results, every column as its raw bytes
                s.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
                s.setFetchSize(5000);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        for (int col = 1; col <= 15; col++) {
                            if (col == 1 || col == 2 || col == 6 || col == 9) {
                                r.getLong(col);
                            } else {
                                r.getBytes(col);
                            }
                        }
                        rows++;
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
        return rows;
    }
}

package dev.dimmer.plan.render;

import dev.dimmer.api.plan.ValidationPlan;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.plan.HumanUnits;
import dev.dimmer.plan.RollbackTimes;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The field's risk checklist, each item ticked only when the plan itself shows it is covered. */
final class RiskSection {
    private static final Set<String> CHANGE_FLOW = Set.of("logical_replication", "cdc", "dual_writes");

    private RiskSection() {
    }

    static Section build(MigrationPlan plan) {
        boolean changesFlow = plan.strategy().replication() != null && CHANGE_FLOW.contains(plan.strategy().replication())
                || plan.strategy().dualWrites() != null;
        boolean rowCounts = has(plan, ValidationPlan.RowCount.class);
        boolean hashes = has(plan, ValidationPlan.Checksum.class);
        boolean uniqueKeys = has(plan, ValidationPlan.PkUniqueness.class);
        boolean business = has(plan, ValidationPlan.Aggregate.class) || has(plan, ValidationPlan.CustomSql.class);
        Duration rollback = RollbackTimes.slowest(plan).map(RollbackTimes.WaveTime::time).orElse(Duration.ZERO);
        boolean estimated = !plan.rollback().actions().isEmpty()
                && plan.rollback().actions().stream().allMatch(a -> a.estimate() != null);
        return new Section("Risk checklist", List.of(new Block.Checklist(List.of(
                new Block.CheckItem(changesFlow && plan.readiness().backupsVerified(),
                        "Data loss prevented (CDC or dual writes: " + yes(changesFlow) + "; backups verified: "
                                + yes(plan.readiness().backupsVerified()) + ")"),
                new Block.CheckItem(rowCounts && hashes && uniqueKeys, "Integrity validated (row counts: " + yes(rowCounts)
                        + "; hashes: " + yes(hashes) + "; primary key uniqueness: " + yes(uniqueKeys) + ")"),
                new Block.CheckItem(business, "Business-meaningful validation (aggregate or custom SQL KPI parity)"),
                new Block.CheckItem(plan.readiness().loadTested() && !plan.slos().performance().isEmpty(),
                        "Performance checked under peak load against written caps"),
                new Block.CheckItem(plan.readiness().accessMapped(), "Access and permissions mapped and tested"),
                new Block.CheckItem(plan.rollback().rehearsal() != null, "Rollback rehearsed in a lower environment"),
                new Block.CheckItem(estimated && rollback.compareTo(Duration.ofMinutes(5)) <= 0,
                        "Rollback runs in under 5 minutes" + (estimated ? " (estimated " + HumanUnits.format(rollback) + ")" : "")),
                new Block.CheckItem(plan.inventory().consumers().stream().anyMatch(c -> Set.of("bi_extract", "ml_feature", "adhoc_job").contains(c.kind())),
                        "Hidden consumers inventoried (BI extracts, ML features, ad-hoc jobs)"),
                new Block.CheckItem(plan.communication().goNoGoReview() != null && !plan.communication().stakeholders().isEmpty(),
                        "Stakeholders know timing, impact and contact paths")))));
    }

    private static boolean has(MigrationPlan plan, Class<? extends ValidationPlan> kind) {
        return plan.validations().stream().anyMatch(kind::isInstance);
    }

    private static String yes(boolean value) {
        return value ? "yes" : "no";
    }
}

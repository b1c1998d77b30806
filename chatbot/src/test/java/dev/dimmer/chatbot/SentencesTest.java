package dev.dimmer.chatbot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.api.actor.Role;
import dev.dimmer.api.migration.CommandRefusedEvent;
import dev.dimmer.api.migration.GoNoGoOpenedEvent;
import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.migration.Vote;
import dev.dimmer.api.migration.VoteCastEvent;
import dev.dimmer.api.migration.WaveAdvancedEvent;
import dev.dimmer.api.migration.WaveRolledBackEvent;
import dev.dimmer.api.plan.Approval;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {
    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void shouldSayWhatMovedWhoMovedItAndWhy() {
        assertThat(Sentences.of(new WaveAdvancedEvent("crm", "customers", Phase.SHADOW, Phase.CANARY, 10, AT),
                "Ada Lead", "shadow clean", 7))
                .isEqualTo("Wave customers moved SHADOW → CANARY 10% by Ada Lead: shadow clean (audit #7)");
        assertThat(Sentences.of(new WaveRolledBackEvent("crm", "customers", Phase.CANARY, 50, AT), null, "", 8))
                .isEqualTo("Wave customers rolled back from CANARY 50% to SHADOW (no reads on the target) (audit #8)");
    }

    @Test
    void shouldDescribeTheGoNoGoAndItsBallots() {
        assertThat(Sentences.of(new GoNoGoOpenedEvent("crm", "customers", List.of(new Approval(Role.APPROVER, 2)),
                Duration.ofHours(24), AT), "Ada Lead", "review", 9))
                .startsWith("Go/no-go opened on the cutover of wave customers (needs 2 approvers, no rejection)");
        assertThat(Sentences.of(new VoteCastEvent("crm", "customers", "U0BEA", "Bea", List.of(Role.APPROVER),
                Vote.REJECT, "index missing", 0, 1, false, AT), "Bea", "index missing", 10))
                .startsWith("Bea voted reject on wave customers (0 approve, 1 reject; not passed yet)");
    }

    @Test
    void shouldNameWhoWasRefusedWhat() {
        assertThat(Sentences.of(new CommandRefusedEvent("crm", "cutover customers",
                "Eve may not start cutover: it needs the lead role", "U0EVE", AT), "Eve", "", 11))
                .isEqualTo("Refused cutover customers (Eve may not start cutover: it needs the lead role) by Eve "
                        + "(audit #11)");
    }

    @Test
    void shouldPostARunbooksProgressStepByStep() {
        assertThat(Sentences.of(new dev.dimmer.api.rollback.RunbookStepSucceededEvent("crm", "customers",
                dev.dimmer.api.rollback.RunPurpose.ROLLBACK, 1, 1, "sql", 42, "1 row", AT), "Dimmer", "", 12))
                .isEqualTo("Rollback of wave customers: step 2 (sql) done in 42 ms: 1 row by Dimmer (audit #12)");
        assertThat(Sentences.of(new dev.dimmer.api.rollback.RunbookStalledEvent("crm", "customers",
                dev.dimmer.api.rollback.RunPurpose.ROLLBACK, 1, 2, "HTTP 503", AT), "Dimmer", "", 13))
                .startsWith("Rollback of wave customers STALLED at step 3; resume with dimmer rollback retry crm "
                        + "customers --reason");
        assertThat(Sentences.of(new dev.dimmer.api.rollback.RunbookStepSucceededEvent("crm", "customers",
                dev.dimmer.api.rollback.RunPurpose.CUTOVER, 1, 0, "notify", 0, "reads are on the target", AT),
                "Dimmer", "", 14))
                .isEqualTo("reads are on the target by Dimmer (audit #14)");
    }
}

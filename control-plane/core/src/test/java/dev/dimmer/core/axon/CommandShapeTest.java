package dev.dimmer.core.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.Channel;
import dev.dimmer.api.actor.Provenance;
import dev.dimmer.api.actor.Role;
import dev.dimmer.api.migration.AbortMigrationCommand;
import dev.dimmer.api.migration.AdvanceWaveCommand;
import dev.dimmer.api.migration.CastVoteCommand;
import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.RejectionCode;
import dev.dimmer.api.migration.Vote;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandShapeTest {
    private static final Actor LEAD = new Actor("U01LEAD", "Ada Lead", Set.of(Role.LEAD, Role.APPROVER));
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private static Provenance because(String reason) {
        return new Provenance(LEAD, Channel.SLACK, reason, AT);
    }

    private static RejectionCode refusal(Object command) {
        try {
            CommandShape.check(command);
        } catch (CommandRejectedException e) {
            return e.code();
        }
        return null;
    }

    @Test
    void shouldLetThroughIdsOfThePlanFormatAndReasonsUpToTheLimit() {
        assertThatCode(() -> CommandShape.check(new AdvanceWaveCommand("crm-to-pg", "orders_eu", null,
                because("line one\n\tline two" + "x".repeat(1982))))).doesNotThrowAnyException();
    }

    @Test
    void cannotSendIdsNoPlanCouldHave() {
        assertThat(refusal(new AbortMigrationCommand("a\u0000b", because("x")))).isEqualTo(RejectionCode.INVALID_ID);
        assertThat(refusal(new AbortMigrationCommand("a\nb", because("x")))).isEqualTo(RejectionCode.INVALID_ID);
        assertThat(refusal(new AbortMigrationCommand("x".repeat(64), because("x")))).isEqualTo(RejectionCode.INVALID_ID);
        assertThat(refusal(new AdvanceWaveCommand("crm", "Orders", null, because("x"))))
                .isEqualTo(RejectionCode.INVALID_ID);
    }

    @Test
    void cannotGiveAReasonOrCommentOverTheLimit() {
        assertThatThrownBy(() -> CommandShape.check(new AbortMigrationCommand("crm", because("x".repeat(2001)))))
                .hasMessageContaining("reason is 2001 characters long; the limit is 2000");
        assertThatThrownBy(() -> CommandShape.check(new CastVoteCommand("crm", "orders", Vote.REJECT,
                "y".repeat(5000), because("short")))).hasMessageContaining("comment is 5000");
    }

    @Test
    void cannotGiveAReasonWithControlCharacters() {
        assertThat(refusal(new AbortMigrationCommand("crm", because("red \u001b[31m")))).isEqualTo(RejectionCode.INVALID_TEXT);
        assertThat(refusal(new AbortMigrationCommand("crm", because("a\rb")))).isEqualTo(RejectionCode.INVALID_TEXT);
    }
}

package dev.dimmer.core.migration;

import static dev.dimmer.core.migration.MigrationFixtures.BY_LEAD;
import static dev.dimmer.core.migration.MigrationFixtures.ID;
import static dev.dimmer.core.migration.MigrationFixtures.T1;
import static dev.dimmer.core.migration.MigrationFixtures.registered;

import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.MigrationAbortedEvent;
import dev.dimmer.api.share.CreateShareLinkCommand;
import dev.dimmer.api.share.RevokeShareLinkCommand;
import dev.dimmer.api.share.ShareLinkCreatedEvent;
import dev.dimmer.api.share.ShareLinkRevokedEvent;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Share links of the status page: opened for a while, revoked once, each an event on the migration. */
class ShareLinkTest {
    private static final String LINK = "link-0123456789";
    private static final Instant IN_A_WEEK = T1.plus(Duration.ofDays(7));
    private AggregateTestFixture<Migration> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Migration.class);
    }

    @Test
    void canOpenALinkForAWeek() {
        fixture.given(registered())
                .when(new CreateShareLinkCommand(ID, LINK, IN_A_WEEK, BY_LEAD))
                .expectEvents(new ShareLinkCreatedEvent(ID, LINK, IN_A_WEEK, T1));
    }

    @Test
    void canShowAnAbortedMigration() {
        fixture.given(registered(), new MigrationAbortedEvent(ID, T1))
                .when(new CreateShareLinkCommand(ID, LINK, IN_A_WEEK, BY_LEAD))
                .expectEvents(new ShareLinkCreatedEvent(ID, LINK, IN_A_WEEK, T1));
    }

    @Test
    void cannotOpenALinkForLongerThanNinetyDaysOrShorterThanAMinute() {
        fixture.given(registered())
                .when(new CreateShareLinkCommand(ID, LINK, T1.plus(Duration.ofDays(91)), BY_LEAD))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("a share link may stay open at most 90 days; give --expires 90d or less");
        fixture.given(registered())
                .when(new CreateShareLinkCommand(ID, LINK, T1.plusSeconds(30), BY_LEAD))
                .expectException(CommandRejectedException.class);
    }

    @Test
    void cannotOpenTheSameLinkTwice() {
        fixture.given(registered(), new ShareLinkCreatedEvent(ID, LINK, IN_A_WEEK, T1))
                .when(new CreateShareLinkCommand(ID, LINK, IN_A_WEEK, BY_LEAD))
                .expectException(CommandRejectedException.class);
    }

    @Test
    void canRevokeALinkOnce() {
        fixture.given(registered(), new ShareLinkCreatedEvent(ID, LINK, IN_A_WEEK, T1))
                .when(new RevokeShareLinkCommand(ID, LINK, BY_LEAD))
                .expectEvents(new ShareLinkRevokedEvent(ID, LINK, T1));
        fixture.given(registered(), new ShareLinkCreatedEvent(ID, LINK, IN_A_WEEK, T1),
                        new ShareLinkRevokedEvent(ID, LINK, T1))
                .when(new RevokeShareLinkCommand(ID, LINK, BY_LEAD))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("share link " + LINK + " of migration " + ID + " was revoked at " + T1
                        + " already");
    }

    @Test
    void cannotRevokeALinkTheMigrationNeverOpened() {
        fixture.given(registered())
                .when(new RevokeShareLinkCommand(ID, LINK, BY_LEAD))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("migration " + ID + " has no share link '" + LINK + "'; list them with "
                        + "dimmer share --list " + ID);
    }
}

package dev.dimmer.core.migration;

import static dev.dimmer.core.migration.MigrationFixtures.passedGoNoGo;
import static dev.dimmer.core.migration.MigrationFixtures.registered;
import static dev.dimmer.core.migration.MigrationFixtures.waveAt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.api.migration.GoNoGoOpenedEvent;
import dev.dimmer.api.migration.VoteCastEvent;
import dev.dimmer.api.migration.WaveEvent;
import dev.dimmer.core.axon.AxonJson;
import org.junit.jupiter.api.Test;

/** Snapshots carry an open go/no-go and its ballots, so a migration loaded from one still knows the vote. */
class GoNoGoSnapshotTest {
    @Test
    void shouldKeepTheVoteAcrossASnapshot() throws Exception {
        // given a migration whose customers wave has a passed go/no-go
        Migration migration = new Migration();
        migration.on(registered());
        waveAt("customers", dev.dimmer.api.migration.Phase.CANARY, 50).forEach(e -> migration.on((WaveEvent) e));
        for (Object event : passedGoNoGo("customers")) {
            if (event instanceof GoNoGoOpenedEvent opened) {
                migration.on(opened);
            } else {
                migration.on((VoteCastEvent) event);
            }
        }

        // when it is written as a snapshot and read back
        ObjectMapper json = AxonJson.mapper();
        String snapshot = json.writeValueAsString(migration);
        Migration restored = json.readValue(snapshot, Migration.class);

        // then nothing is lost: the ballots and quorum are there
        assertThat(json.writeValueAsString(restored)).isEqualTo(snapshot);
        assertThat(snapshot).contains("\"ballots\"").contains("U02BEA").contains("U03CAI").contains("APPROVER");
    }
}

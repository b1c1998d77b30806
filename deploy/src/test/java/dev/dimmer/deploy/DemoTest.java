package dev.dimmer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's first command: the demo on embedded PostgreSQL, from start to its audit trail. */
class DemoTest {
    @Test
    void shouldWalkTheFirstWorkedExampleThroughEveryPhase() throws IOException {
        CliProcess.Result demo = CliProcess.run(Map.of("DIMMER_HOME",
                Files.createTempDirectory("dimmer-demo-home").toString()), "demo", "--exit", "--port", "0");
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out())
                .contains("the demo trades durability for speed")
                .contains("Registered migration onprem-postgres-to-managed")
                // the evidence loop: planted differences found, the gate refusing each, green after the repair
                .contains("✗ orders-checksum: 3 rows differ (1 missing, 0 extra, 2 changed)")
                .contains("advance   refused:")
                .contains("✗ orders-checksum failed")
                .contains("8 checks")
                .contains("SHADOW          -> CANARY 10%      evidence green")
                // a guard failing in canary dims the wave back by itself
                .contains("✗ customers-checksum: 1 row differs")
                .contains("guard     now SHADOW, by Dimmer")
                // and the rollback's runbook runs, step by step, timed
                .contains("rollback runbook of customers: completed in")
                .contains("cutover   refused:")
                .contains("wave orders depends on customers")
                .contains("Validation report:")
                .containsPattern("switch customers-read-path over OFREP: \\d+ of 200 readers read the target "
                        + "\\(canary at 10%\\)")
                .contains("sent again with the same Idempotency-Key (as after a lost answer): answered with the "
                        + "first outcome; the log holds it once")
                .contains("-> DECOMMISSIONED")
                .contains("Audit trail:")
                .containsPattern("Audit verified: \\d+ events, \\d+ checkpoints, intact")
                .contains("WaveRolledBack")
                .contains("gonogo    opened on the canary: needs 1 lead")
                .contains("the rollback voided the lead's sign-off on canary")
                .contains("gonogo    opened on the cutover")
                .contains("approve -> go/no-go passed")
                .containsPattern("schedule  vote-expires at \\S+: .+'s approval on the cutover expires at ")
                .containsPattern("Operations: readiness up .*/metrics .*: [1-9][0-9]* commands done");

        // without Slack configured, the channel's messages go to the log
        assertThat(demo.err()).contains("#orders-pg-migration Migration onprem-postgres-to-managed registered")
                .contains("voted approve on wave");
        assertThat(demo.out().lines().filter(l -> l.contains("DECOMMISSIONED")).count()).isGreaterThanOrEqualTo(2);
    }
}

package dev.dimmer.projections.switches;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.api.migration.Phase;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatingTest {
    private static final String KEY = "orders-read-path";
    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    private static ServedSwitches serving(Phase phase, int weight, boolean killed, boolean aborted) {
        return new ServedSwitches(Map.of(KEY, new WaveSwitch("crm", "orders", KEY, phase, weight, killed, aborted,
                1, 7, AT)), 7, 9);
    }

    @Test
    void shouldAnswerSourceStaticallyBeforeCanary() {
        OfrepAnswer answer = Evaluating.one(serving(Phase.SHADOW, 0, false, false), KEY, null);

        assertThat(answer).isEqualTo(new OfrepAnswer(KEY, "source", "STATIC", "source", null, null, Map.of(
                "migration", "crm", "wave", "orders", "phase", "SHADOW", "weight", 0, "killed", false,
                "aborted", false, "logPosition", 7L)));
    }

    @Test
    void shouldSplitInCanaryByTheKeysBucket() {
        ServedSwitches canary = serving(Phase.CANARY, 50, false, false);

        // buckets 12 and 70 (docs/switches.md)
        assertThat(Evaluating.one(canary, KEY, "customer-1").value()).isEqualTo("target");
        assertThat(Evaluating.one(canary, KEY, "customer-2").value()).isEqualTo("source");
        assertThat(Evaluating.one(canary, KEY, "customer-2").reason()).isEqualTo("SPLIT");
    }

    @Test
    void cannotSplitWithoutATargetingKey() {
        OfrepAnswer answer = Evaluating.one(serving(Phase.CANARY, 50, false, false), KEY, "");

        assertThat(answer.errorCode()).isEqualTo("TARGETING_KEY_MISSING");
        assertThat(answer.status()).isEqualTo(400);
    }

    @Test
    void shouldAnswerTargetFromCutoverAndSourceWhenKilledOrAborted() {
        assertThat(Evaluating.one(serving(Phase.CUTOVER, 100, false, false), KEY, null).value()).isEqualTo("target");
        OfrepAnswer killed = Evaluating.one(serving(Phase.CUTOVER, 100, true, false), KEY, null);
        assertThat(killed.value()).isEqualTo("source");
        assertThat(killed.reason()).isEqualTo("DISABLED");
        OfrepAnswer aborted = Evaluating.one(serving(Phase.CANARY, 50, true, true), KEY, "customer-1");
        assertThat(aborted.value()).isEqualTo("source");
        assertThat(aborted.reason()).isEqualTo("STATIC");
    }

    @Test
    void cannotEvaluateAnUnknownSwitch() {
        OfrepAnswer answer = Evaluating.one(serving(Phase.CANARY, 50, false, false), "nope", "k");

        assertThat(answer.errorCode()).isEqualTo("FLAG_NOT_FOUND");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.metadata()).isEmpty();
    }
}

package dev.dimmer.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HumanUnitsTest {
    @Test
    void canReadDurationsAsPeopleWriteThem() {
        assertThat(HumanUnits.duration("30m")).contains(Duration.ofMinutes(30));
        assertThat(HumanUnits.duration("1h30m")).contains(Duration.ofMinutes(90));
        assertThat(HumanUnits.duration("7d")).contains(Duration.ofDays(7));
        assertThat(HumanUnits.duration("2w")).contains(Duration.ofDays(14));
        assertThat(HumanUnits.duration("250ms")).contains(Duration.ofMillis(250));
    }

    @Test
    void cannotReadDurationsWithoutUnitsOrWithSpaces() {
        assertThat(HumanUnits.duration("30")).isEmpty();
        assertThat(HumanUnits.duration("2 minutes")).isEmpty();
        assertThat(HumanUnits.duration(null)).isEmpty();
    }

    @Test
    void shouldWriteDurationsCompactly() {
        assertThat(HumanUnits.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(HumanUnits.format(Duration.ofHours(36))).isEqualTo("1d12h");
        assertThat(HumanUnits.format(Duration.ZERO)).isEqualTo("0s");
    }

    @Test
    void canReadPercentages() {
        assertThat(HumanUnits.percent("0.01%")).contains(new BigDecimal("0.01"));
        assertThat(HumanUnits.percent("0.01")).isEmpty();
    }
}

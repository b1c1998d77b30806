package dev.dimmer.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ToleranceTest {
    @Test
    void canAllowAGapWithinTheAbsoluteOrRelativeBound() {
        // given
        Tolerance tolerance = new Tolerance(new BigDecimal("0.5"), new BigDecimal("0.01"));
        // when / then
        assertThat(tolerance.allows(new BigDecimal("10"), new BigDecimal("10.4"))).isTrue();
        assertThat(tolerance.allows(new BigDecimal("1000"), new BigDecimal("1009"))).isTrue();
        assertThat(tolerance.allows(new BigDecimal("1000"), new BigDecimal("1011"))).isFalse();
    }

    @Test
    void shouldTreatNullAsEqualOnlyToNull() {
        // when / then
        assertThat(Tolerance.EXACT.allows(null, null)).isTrue();
        assertThat(Tolerance.relative("1").allows(null, BigDecimal.ONE)).isFalse();
    }

    @Test
    void cannotBeNegative() {
        // when / then
        assertThatThrownBy(() -> Tolerance.absolute("-1")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("cannot be negative");
    }
}

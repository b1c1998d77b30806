package dev.dimmer.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JdbcValueTextTest {
    @Test
    void shouldRenderDriverValuesInTheCanonicalForms() {
        // when / then, as the SQL canonical forms render them
        assertThat(JdbcValueText.of(new BigDecimal("1.100"))).isEqualTo("1.1");
        assertThat(JdbcValueText.of(new BigDecimal("0.00"))).isEqualTo("0");
        assertThat(JdbcValueText.of(new BigDecimal("1E+2"))).isEqualTo("100");
        assertThat(JdbcValueText.of(42L)).isEqualTo("42");
        assertThat(JdbcValueText.of(true)).isEqualTo("1");
        assertThat(JdbcValueText.of(LocalDate.of(2024, 2, 29))).isEqualTo("2024-02-29");
        assertThat(JdbcValueText.of(LocalDateTime.parse("2024-01-02T03:04:05.500"))).isEqualTo("2024-01-02 03:04:05.5");
        assertThat(JdbcValueText.of(Timestamp.valueOf("2024-01-02 03:04:10"))).isEqualTo("2024-01-02 03:04:10");
        assertThat(JdbcValueText.of(OffsetDateTime.parse("2024-01-02T05:04:05+02:00")))
                .isEqualTo("2024-01-02 03:04:05");
        assertThat(JdbcValueText.of(new byte[] {0, (byte) 255})).isEqualTo("00ff");
        assertThat(JdbcValueText.of(UUID.fromString("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11")))
                .isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertThat(JdbcValueText.of(null)).isNull();
    }
}

package dev.dimmer.projections.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamedSqlTest {
    @Test
    void shouldPlaceAParameterForEachUseOfAName() {
        NamedSql sql = NamedSql.of("UPDATE t SET a = :position, b = :payload::json WHERE id = :id AND p < :position");

        assertThat(sql.sql()).isEqualTo("UPDATE t SET a = ?, b = ?::json WHERE id = ? AND p < ?");
    }

    @Test
    void shouldLeaveCastsAndTextAlone() {
        NamedSql sql = NamedSql.of("SELECT ?::text, 'active', x::bigint FROM t WHERE y = :y");

        assertThat(sql.sql()).isEqualTo("SELECT ?::text, 'active', x::bigint FROM t WHERE y = ?");
    }
}

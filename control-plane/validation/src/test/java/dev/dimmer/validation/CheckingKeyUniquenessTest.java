package dev.dimmer.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CheckingKeyUniquenessTest {
    private static PostgresFixture pg;

    @BeforeAll
    static void createTables() {
        pg = new PostgresFixture();
        pg.execute("CREATE TABLE copied (id int, part text)",
                "INSERT INTO copied SELECT i, 'p' FROM generate_series(1, 100) i",
                "INSERT INTO copied VALUES (7, 'p'), (7, 'p'), (8, 'p'), (NULL, 'p')");
    }

    @AfterAll
    static void dropDatabase() {
        pg.close();
    }

    @Test
    void shouldReportDuplicatedAndNullKeys() {
        // when
        KeyUniquenessResult result = new CheckingKeyUniqueness().check(pg.connection,
                new TableRef("public", "copied"), List.of("id"), null, 5);
        // then
        assertThat(result.passed()).isFalse();
        assertThat(result.duplicatedKeys()).isEqualTo(2);
        assertThat(result.nullKeys()).isEqualTo(1);
        assertThat(result.examples()).first().isEqualTo(Map.of("id", 7));
    }

    @Test
    void canPassAUniqueCompositeKeyWithinAFilter() {
        // when
        KeyUniquenessResult result = new CheckingKeyUniqueness().check(pg.connection,
                new TableRef("public", "copied"), List.of("id", "part"), "id < 7", 5);
        // then
        assertThat(result.passed()).isTrue();
        assertThat(result.examples()).isEmpty();
    }
}

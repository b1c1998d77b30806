package dev.dimmer.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DatabaseTest {
    private static TestDatabase pg;

    @BeforeAll
    static void createDatabase() {
        pg = TestPostgres.newDatabase();
    }

    @AfterAll
    static void dropDatabase() {
        pg.close();
    }

    private static Database open(Duration timeout) {
        return Database.open("source", new ResolvedConnection(pg.url(), pg.user(), pg.password(), "test-db"), 2,
                timeout);
    }

    @Test
    void shouldStopAStatementPastItsTimeoutWithAOneLineMessage() {
        try (Database database = open(Duration.ofMillis(300))) {
            // when / then
            assertThatThrownBy(() -> database.query("SELECT pg_sleep(5)", List.of(), rows -> rows.next()))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("statement timeout")
                    .hasMessageContaining("source database test-db")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    @Test
    void canCancelRunningStatementsFromAnotherThread() throws Exception {
        try (Database database = open(Duration.ofMinutes(1))) {
            // given a statement that would run for a minute
            long started = System.nanoTime();
            CompletableFuture<Boolean> sleeping = database.submit("SELECT pg_sleep(60)", List.of(),
                    rows -> rows.next());
            Thread.sleep(500);
            // when
            database.cancelRunning();
            // then
            assertThatThrownBy(() -> Database.await(sleeping)).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("cancelled");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void cannotConnectToAMissingDatabaseAndSaysHowToFixIt() {
        // when / then
        assertThatThrownBy(() -> Database.open("target", new ResolvedConnection(pg.url() + "_missing", pg.user(),
                pg.password(), "missing-db"), 1, Duration.ofSeconds(5)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("target database missing-db")
                .hasMessageContaining("check the URL");
    }
}

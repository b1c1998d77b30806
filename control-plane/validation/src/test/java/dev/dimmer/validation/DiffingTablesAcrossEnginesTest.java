package dev.dimmer.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DiffingTablesAcrossEnginesTest {
    private static PostgresFixture pg;
    private static MariaDbFixture maria;

    @BeforeEach
    void startDatabasesOnce() {
        // Skips each test (printing why) when no MariaDB is configured, so reports count them as skipped.
        if (maria == null) {
            maria = MariaDbFixture.startOrSkip();
            pg = new PostgresFixture();
        }
    }

    @AfterAll
    static void dropDatabases() {
        if (maria != null) {
            maria.close();
            pg.close();
        }
    }

    private static void ordersOnBoth(String name, int rows) {
        pg.execute("CREATE TABLE " + name + " (id bigint PRIMARY KEY, name text, amount numeric(12,2), "
                        + "created_at timestamp(6), paid boolean)",
                "INSERT INTO " + name + " SELECT i, md5(i::text), (i % 1000) / 10.0, "
                        + "timestamp '2024-01-01' + i * interval '1 minute' + i * interval '1 microsecond', "
                        + "i % 3 = 0 FROM generate_series(1, " + rows + ") i");
        maria.execute("CREATE TABLE " + name + " (id BIGINT PRIMARY KEY, name VARCHAR(64), amount DECIMAL(12,2), "
                        + "created_at DATETIME(6), paid BOOLEAN)",
                "INSERT INTO " + name + " SELECT seq, MD5(seq), (seq % 1000) / 10, TIMESTAMP('2024-01-01') "
                        + "+ INTERVAL seq MINUTE + INTERVAL seq MICROSECOND, seq % 3 = 0 FROM seq_1_to_" + rows);
    }

    private static DiffRequest request(String source, String target, List<String> key) {
        return DiffRequest.of(new TableRef("", source), new TableRef("", target), key).withSegments(100, 8, 4);
    }

    @Test
    void shouldFindNothingBetweenIdenticalTablesOnPostgresAndMariaDb() {
        // given
        ordersOnBoth("same_orders", 1500);
        // when
        DiffResult result = new DiffingTables().diff(pg.connection, maria.connection,
                request("same_orders", "same_orders", List.of("id")), ProgressListener.NONE);
        // then
        assertThat(result.equal()).isTrue();
        assertThat(result.targetRows()).isEqualTo(1500);
        assertThat(result.hashMode()).isEqualTo(HashMode.CANONICAL_MD5);
    }

    @Test
    void shouldFindPlantedChangesFromPostgresToMariaDb() {
        // given
        ordersOnBoth("orders", 2000);
        maria.execute("DELETE FROM orders WHERE id IN (1, 1000)",
                "UPDATE orders SET amount = amount + 0.01 WHERE id = 400",
                "UPDATE orders SET created_at = created_at + INTERVAL 1 MICROSECOND, paid = NOT paid WHERE id = 1999",
                "INSERT INTO orders VALUES (2001, 'x', 1, '2024-01-01', TRUE)");
        // when
        DiffResult result = new DiffingTables().diff(pg.connection, maria.connection,
                request("orders", "orders", List.of("id")), ProgressListener.NONE);
        // then
        assertThat(result.missingInTarget()).containsExactlyInAnyOrder(Map.of("id", 1L), Map.of("id", 1000L));
        assertThat(result.extraInTarget()).containsExactly(Map.of("id", 2001L));
        assertThat(result.changed()).containsExactlyInAnyOrder(
                new ChangedRow(Map.of("id", 400L), List.of("amount")),
                new ChangedRow(Map.of("id", 1999L), List.of("created_at", "paid")));
    }

    @Test
    void canPairTextKeysThatTheEnginesOrderDifferently() {
        // given a case-insensitive collation on MariaDB, byte order on PostgreSQL
        pg.execute("CREATE TABLE words (word text COLLATE \"C\" PRIMARY KEY, n int)",
                "INSERT INTO words SELECT (ARRAY['a','B','c','D','é','Z','ß','x'])[1 + i % 8] || i, i "
                        + "FROM generate_series(1, 400) i");
        maria.execute("CREATE TABLE words (word VARCHAR(20) COLLATE utf8mb4_general_ci PRIMARY KEY, n INT)",
                "INSERT INTO words SELECT CONCAT(ELT(1 + seq % 8, 'a','B','c','D','é','Z','ß','x'), seq), seq "
                        + "FROM seq_1_to_400",
                "UPDATE words SET n = -1 WHERE word = 'B9'",
                "DELETE FROM words WHERE word = 'é12'");
        // when
        DiffResult result = new DiffingTables().diff(pg.connection, maria.connection,
                request("words", "words", List.of("word")), ProgressListener.NONE);
        // then
        assertThat(result.changed()).containsExactly(new ChangedRow(Map.of("word", "B9"), List.of("n")));
        assertThat(result.missingInTarget()).containsExactly(Map.of("word", "é12"));
        assertThat(result.extraInTarget()).isEmpty();
    }

    @Test
    void canDiffTwoMariaDbTablesWithCompositeKeys() {
        // given
        maria.execute("CREATE TABLE lines_a (order_id INT, line INT, sku VARCHAR(10), PRIMARY KEY (order_id, line))",
                "INSERT INTO lines_a SELECT seq DIV 5, seq % 5, CONCAT('s', seq) FROM seq_0_to_999",
                "CREATE TABLE lines_b AS SELECT * FROM lines_a",
                "ALTER TABLE lines_b ADD PRIMARY KEY (order_id, line)",
                "UPDATE lines_b SET sku = 'zz' WHERE order_id = 7 AND line = 4",
                "DELETE FROM lines_b WHERE order_id = 150 AND line = 0");
        // when
        DiffResult result = new DiffingTables().diff(maria.connection, maria.connection,
                request("lines_a", "lines_b", List.of("order_id", "line")), ProgressListener.NONE);
        // then
        assertThat(result.changed()).containsExactly(
                new ChangedRow(Map.of("order_id", 7, "line", 4), List.of("sku")));
        assertThat(result.missingInTarget()).containsExactly(Map.of("order_id", 150, "line", 0));
    }

    @Test
    void canDiffUuidKeysThatMariaDbSortsInItsOwnOrder() {
        // given uuid keys, which MariaDB's UUID type orders by swapped groups
        pg.execute("CREATE TABLE tokens (token uuid PRIMARY KEY, owner text)",
                "INSERT INTO tokens SELECT (substr(m, 1, 8) || '-' || substr(m, 9, 4) || '-4' || substr(m, 14, 3) "
                        + "|| '-8' || substr(m, 18, 3) || '-' || substr(m, 21, 12))::uuid, 'u' || i "
                        + "FROM (SELECT i, md5(i::text) AS m FROM generate_series(1, 300) i) q");
        maria.execute("CREATE TABLE tokens (token UUID PRIMARY KEY, owner VARCHAR(10))",
                "INSERT INTO tokens SELECT CAST(CONCAT(SUBSTR(m, 1, 8), '-', SUBSTR(m, 9, 4), '-4', SUBSTR(m, 14, 3), "
                        + "'-8', SUBSTR(m, 18, 3), '-', SUBSTR(m, 21, 12)) AS UUID), CONCAT('u', seq) "
                        + "FROM (SELECT seq, MD5(seq) AS m FROM seq_1_to_300) q",
                "UPDATE tokens SET owner = 'x' WHERE owner = 'u77'",
                "DELETE FROM tokens WHERE owner = 'u200'");
        // when
        DiffResult result = new DiffingTables().diff(pg.connection, maria.connection,
                request("tokens", "tokens", List.of("token")), ProgressListener.NONE);
        // then
        assertThat(result.changed()).extracting(ChangedRow::columns).containsExactly(List.of("owner"));
        assertThat(result.missingInTarget()).hasSize(1);
        assertThat(result.extraInTarget()).isEmpty();
        assertThat(result.sourceRows()).isEqualTo(300);
    }

    @Test
    void canDiffTablesWithoutKeyAcrossEngines() {
        // given the same multiset of rows but one duplicate fewer and one new row on MariaDB
        pg.execute("CREATE TABLE readings (sensor int, value numeric(6,2))",
                "INSERT INTO readings SELECT i % 10, (i % 4) * 1.5 FROM generate_series(1, 200) i");
        maria.execute("CREATE TABLE readings (sensor INT, value DECIMAL(6,2))",
                "INSERT INTO readings SELECT seq % 10, (seq % 4) * 1.5 FROM seq_1_to_200",
                "DELETE FROM readings WHERE sensor = 3 LIMIT 1",
                "INSERT INTO readings VALUES (42, 0.25)");
        // when
        DiffResult result = new DiffingTables().diff(pg.connection, maria.connection,
                request("readings", "readings", List.of()), ProgressListener.NONE);
        // then
        assertThat(result.missingInTarget()).hasSize(1);
        assertThat(result.missingInTarget().get(0)).containsEntry("sensor", "3");
        assertThat(result.extraInTarget()).containsExactly(Map.of("sensor", "42", "value", "0.25"));
        assertThat(result.targetRows()).isEqualTo(200);
    }

    @Test
    void shouldReportEveryRowOfAnEmptyTargetAsMissing() {
        // given
        pg.execute("CREATE TABLE codes (code text PRIMARY KEY)",
                "INSERT INTO codes SELECT 'c' || i FROM generate_series(1, 150) i");
        maria.execute("CREATE TABLE codes (code VARCHAR(10) PRIMARY KEY)");
        // when
        DiffResult result = new DiffingTables().diff(pg.connection, maria.connection,
                request("codes", "codes", List.of("code")), ProgressListener.NONE);
        // then
        assertThat(result.missingInTarget()).hasSize(150);
        assertThat(result.targetRows()).isZero();
        assertThat(result.truncated()).isFalse();
    }

    @Test
    void cannotDiffByAKeyThatRepeatsOnMariaDb() {
        // given a copy on MariaDB without a primary key that took one order twice
        pg.execute("CREATE TABLE dup_orders (id int PRIMARY KEY, customer int)",
                "INSERT INTO dup_orders SELECT i, i % 4 FROM generate_series(1, 40) i");
        maria.execute("CREATE TABLE dup_orders (id INT, customer INT)",
                "INSERT INTO dup_orders SELECT seq, seq % 4 FROM seq_1_to_40",
                "INSERT INTO dup_orders VALUES (9, 1)");
        // when / then by the primary key: only the target repeats it
        assertThatThrownBy(() -> new DiffingTables().diff(pg.connection, maria.connection,
                request("dup_orders", "dup_orders", List.of()), ProgressListener.NONE))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("1 value repeats in the target table " + maria.name
                        + ".dup_orders: id=9 (2 rows)")
                .hasMessageNotContaining("source table");
        // and by a column that repeats on both sides
        assertThatThrownBy(() -> new DiffingTables().diff(pg.connection, maria.connection,
                request("dup_orders", "dup_orders", List.of("customer")), ProgressListener.NONE))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("4 values repeat in the source table public.dup_orders: customer=")
                .hasMessageContaining("4 values repeat in the target table " + maria.name
                        + ".dup_orders: customer=1 (11 rows)");
    }
}

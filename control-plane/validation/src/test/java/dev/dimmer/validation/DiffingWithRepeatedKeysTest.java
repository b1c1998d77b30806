package dev.dimmer.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A key that repeats would pair the wrong rows: the diff refuses it, naming the repeated values. */
class DiffingWithRepeatedKeysTest {
    private static PostgresFixture pg;
    private static Database target;

    @BeforeAll
    static void startDatabase() {
        pg = new PostgresFixture();
        target = pg.asTarget();
    }

    @AfterAll
    static void dropDatabase() {
        target.close();
        pg.close();
    }

    private static DiffResult diff(String source, String targetTable, List<String> key) {
        return new DiffingTables().diff(pg.connection, target, DiffRequest.of(new TableRef("public", source),
                new TableRef("public", targetTable), key).withSegments(100, 8, 4), ProgressListener.NONE);
    }

    @Test
    void cannotDiffByAKeyThatRepeatsOnBothSides() {
        // given orders keyed by id, compared by customer, which repeats (7 differences by id: the old diff saw 2)
        pg.execute("CREATE TABLE orders_src (id int PRIMARY KEY, customer int, amount int)",
                "INSERT INTO orders_src SELECT i, i % 3, i FROM generate_series(1, 30) i",
                "CREATE TABLE orders_dst AS SELECT * FROM orders_src",
                "UPDATE orders_dst SET amount = amount + 1 WHERE id IN (1, 2, 4, 5, 7, 8, 10)");
        // when / then
        assertThatThrownBy(() -> diff("orders_src", "orders_dst", List.of("customer")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("the key (customer) does not identify one row")
                .hasMessageContaining("3 values repeat in the source table public.orders_src: customer=0 (10 rows)")
                .hasMessageContaining("3 values repeat in the target table public.orders_dst")
                .hasMessageContaining("the source's primary key is id");
    }

    @Test
    void cannotDiffWhenOnlyTheTargetRepeatsTheSourcesPrimaryKey() {
        // given a copy without a primary key that took one row twice: 4 source rows, 4 target rows, 1 duplicated
        pg.execute("CREATE TABLE copied_src (id int PRIMARY KEY, name text)",
                "INSERT INTO copied_src VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd')",
                "CREATE TABLE copied_dst (id int, name text)",
                "INSERT INTO copied_dst VALUES (1, 'a'), (2, 'b'), (2, 'b'), (3, 'c')");
        // when / then the primary key is used, proven on the source and checked on the target
        assertThatThrownBy(() -> diff("copied_src", "copied_dst", List.of()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("1 value repeats in the target table public.copied_dst: id=2 (2 rows)")
                .hasMessageNotContaining("source table");
    }

    @Test
    void canDiffByAKeyThatAUniqueIndexProvesOrTheDataShows() {
        // given a unique code on the source and the same codes, unique but not declared so, on the target
        pg.execute("CREATE TABLE coded_src (id int PRIMARY KEY, code text UNIQUE, n int)",
                "INSERT INTO coded_src SELECT i, 'c' || i, i FROM generate_series(1, 300) i",
                "CREATE TABLE coded_dst AS SELECT * FROM coded_src",
                "UPDATE coded_dst SET n = 0 WHERE code = 'c17'");
        // when
        DiffResult result = diff("coded_src", "coded_dst", List.of("code"));
        // then
        assertThat(result.changed()).containsExactly(new ChangedRow(Map.of("code", "c17"), List.of("n")));
        assertThat(result.differences()).isEqualTo(1);
    }

    @Test
    void shouldNotCountRowsWhoseKeyIsNullAsRepeats() {
        // given two rows without a key value on each side, which every keyed diff leaves out
        pg.execute("CREATE TABLE nullable_src (k int, v int)",
                "INSERT INTO nullable_src VALUES (1, 1), (NULL, 2), (NULL, 3)",
                "CREATE TABLE nullable_dst AS SELECT * FROM nullable_src");
        // when
        DiffResult result = diff("nullable_src", "nullable_dst", List.of("k"));
        // then
        assertThat(result.equal()).isTrue();
        assertThat(result.sourceRows()).isEqualTo(1);
    }
}

package dev.dimmer.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DiffingTablesOnPostgresTest {
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

    private static void pairOfOrders(String name, int rows) {
        pg.execute("CREATE TABLE " + name + "_src (id bigint PRIMARY KEY, name text, amount numeric(12,2), "
                        + "created_at timestamp)",
                "INSERT INTO " + name + "_src SELECT i, md5(i::text), (i % 1000) / 10.0, "
                        + "timestamp '2024-01-01' + i * interval '1 minute' FROM generate_series(1, " + rows + ") i",
                "CREATE TABLE " + name + "_dst AS SELECT * FROM " + name + "_src",
                "ALTER TABLE " + name + "_dst ADD PRIMARY KEY (id)");
    }

    private static DiffResult diff(String name, DiffRequest request) {
        return new DiffingTables().diff(pg.connection, target, request, ProgressListener.NONE);
    }

    private static DiffRequest request(String name) {
        return DiffRequest.of(new TableRef("public", name + "_src"), new TableRef("public", name + "_dst"),
                List.of("id")).withSegments(100, 8, 4);
    }

    @Test
    void shouldReportEqualTablesAsEqual() {
        // given
        pairOfOrders("same", 1000);
        // when
        DiffResult result = diff("same", request("same"));
        // then
        assertThat(result.equal()).isTrue();
        assertThat(result.sourceRows()).isEqualTo(1000);
        assertThat(result.targetRows()).isEqualTo(1000);
        assertThat(result.hashMode()).isEqualTo(HashMode.POSTGRES_NATIVE);
    }

    @Test
    void shouldFindPlantedChangesAtSegmentEdges() {
        // given rows 1..2000 in segments of 100 keys, changes on both edges of segments
        pairOfOrders("edges", 2000);
        pg.execute("DELETE FROM edges_dst WHERE id IN (1, 100, 2000)",
                "UPDATE edges_dst SET amount = amount + 1 WHERE id IN (101, 1200)",
                "UPDATE edges_dst SET name = NULL WHERE id = 500",
                "INSERT INTO edges_dst VALUES (2001, 'new', 1, now()), (0, 'zero', 0, now())");
        // when
        DiffResult result = diff("edges", request("edges"));
        // then
        assertThat(result.equal()).isFalse();
        assertThat(result.missingInTarget()).containsExactlyInAnyOrder(Map.of("id", 1L), Map.of("id", 100L),
                Map.of("id", 2000L));
        assertThat(result.extraInTarget()).containsExactlyInAnyOrder(Map.of("id", 2001L), Map.of("id", 0L));
        assertThat(result.changed()).containsExactlyInAnyOrder(
                new ChangedRow(Map.of("id", 101L), List.of("amount")),
                new ChangedRow(Map.of("id", 1200L), List.of("amount")),
                new ChangedRow(Map.of("id", 500L), List.of("name")));
        assertThat(result.sourceRows()).isEqualTo(2000);
        assertThat(result.targetRows()).isEqualTo(1999);
    }

    @Test
    void canDiffSparseAndSkewedIntegerKeys() {
        // given keys clustered near zero and far out
        pg.execute("CREATE TABLE sparse_src (id bigint PRIMARY KEY, v text)",
                "INSERT INTO sparse_src SELECT i, 'v' || i FROM generate_series(1, 500) i",
                "INSERT INTO sparse_src VALUES (1000000000000, 'far'), (-5000000000, 'negative')",
                "CREATE TABLE sparse_dst AS SELECT * FROM sparse_src",
                "UPDATE sparse_dst SET v = 'changed' WHERE id = 1000000000000",
                "DELETE FROM sparse_dst WHERE id = 250");
        // when
        DiffResult result = diff("sparse", request("sparse"));
        // then
        assertThat(result.changed()).containsExactly(new ChangedRow(Map.of("id", 1000000000000L), List.of("v")));
        assertThat(result.missingInTarget()).containsExactly(Map.of("id", 250L));
    }

    @Test
    void canDiffCompositeTextKeys() {
        // given a key of (region text, code uuid)
        pg.execute("CREATE TABLE comp_src (region text, code uuid, qty int, PRIMARY KEY (region, code))",
                "INSERT INTO comp_src SELECT 'r' || (i % 7), md5(i::text)::uuid, i FROM generate_series(1, 700) i",
                "CREATE TABLE comp_dst AS SELECT * FROM comp_src",
                "DELETE FROM comp_dst WHERE qty = 10",
                "UPDATE comp_dst SET qty = -1 WHERE qty = 20",
                "INSERT INTO comp_dst VALUES ('zz', 'aaaaaaaa-0000-0000-0000-000000000000', 5)");
        // when
        DiffResult result = new DiffingTables().diff(pg.connection, target, DiffRequest.of(
                new TableRef("public", "comp_src"), new TableRef("public", "comp_dst"), List.of())
                .withSegments(100, 8, 4), ProgressListener.NONE);
        // then
        assertThat(result.missingInTarget()).hasSize(1);
        assertThat(result.missingInTarget().get(0)).containsEntry("region", "r3");
        assertThat(result.extraInTarget()).hasSize(1);
        assertThat(result.extraInTarget().get(0)).containsEntry("region", "zz");
        assertThat(result.changed()).hasSize(1);
        assertThat(result.changed().get(0).columns()).containsExactly("qty");
    }

    @Test
    void canDiffTablesWithoutKeyAsMultisets() {
        // given duplicate rows and no key
        pg.execute("CREATE TABLE bag_src (a int, b text)",
                "INSERT INTO bag_src SELECT i % 50, 'x' || (i % 50) FROM generate_series(1, 500) i",
                "CREATE TABLE bag_dst AS SELECT * FROM bag_src",
                "DELETE FROM bag_dst WHERE ctid = (SELECT min(ctid) FROM bag_dst WHERE a = 7)",
                "INSERT INTO bag_dst VALUES (99, 'new')");
        // when
        DiffResult result = new DiffingTables().diff(pg.connection, target, DiffRequest.of(
                new TableRef("public", "bag_src"), new TableRef("public", "bag_dst"), List.of()),
                ProgressListener.NONE);
        // then
        assertThat(result.missingInTarget()).containsExactly(Map.of("a", "7", "b", "x7"));
        assertThat(result.extraInTarget()).containsExactly(Map.of("a", "99", "b", "new"));
        assertThat(result.sourceRows()).isEqualTo(500);
    }

    @Test
    void canDiffEmptyTables() {
        // given
        pairOfOrders("empty", 0);
        // when
        DiffResult result = diff("empty", request("empty"));
        // then
        assertThat(result.equal()).isTrue();
        assertThat(result.sourceRows()).isZero();
    }

    @Test
    void canDiffOnlyFilteredRowsAndChosenColumns() {
        // given changes inside and outside the filter and in an uncompared column
        pairOfOrders("filtered", 1000);
        pg.execute("UPDATE filtered_dst SET name = 'other' WHERE id = 10",
                "UPDATE filtered_dst SET amount = 0 WHERE id = 900",
                "UPDATE filtered_dst SET amount = 0.5 WHERE id = 20");
        // when
        DiffResult result = diff("filtered", request("filtered").withColumns(List.of("amount"))
                .withWhere("id < 500"));
        // then
        assertThat(result.changed()).containsExactly(new ChangedRow(Map.of("id", 20L), List.of("amount")));
        assertThat(result.sourceRows()).isEqualTo(499);
    }

    @Test
    void shouldStopAtMaxRowsAndSayItWasCut() {
        // given a target missing most rows
        pairOfOrders("many", 1000);
        pg.execute("DELETE FROM many_dst WHERE id > 100");
        // when
        DiffResult result = diff("many", request("many").withMaxRows(25));
        // then
        assertThat(result.truncated()).isTrue();
        assertThat(result.differences()).isEqualTo(25);
        assertThat(result.equal()).isFalse();
    }

    @Test
    void shouldLeaveRowsWithNullKeysOutOfTheComparison() {
        // given a text key (no primary key) with NULLs on the source only, and one real change
        pg.execute("CREATE TABLE loose_src (code text, v int)",
                "INSERT INTO loose_src SELECT 'k' || i, i FROM generate_series(1, 300) i",
                "CREATE TABLE loose_dst AS SELECT * FROM loose_src",
                "INSERT INTO loose_src VALUES (NULL, 1), (NULL, 2)",
                "UPDATE loose_dst SET v = 0 WHERE code = 'k42'");
        // when
        DiffResult result = new DiffingTables().diff(pg.connection, target, DiffRequest.of(
                new TableRef("public", "loose_src"), new TableRef("public", "loose_dst"), List.of("code"))
                .withSegments(100, 8, 4), ProgressListener.NONE);
        // then
        assertThat(result.sourceRows()).isEqualTo(300);
        assertThat(result.changed()).containsExactly(new ChangedRow(Map.of("code", "k42"), List.of("v")));
        assertThat(result.missingInTarget()).isEmpty();
    }

    @Test
    void canDiffAViewAgainstATable() {
        // given a view on the source side
        pairOfOrders("viewed", 500);
        pg.execute("CREATE VIEW viewed_view AS SELECT * FROM viewed_src WHERE id <> 300",
                "UPDATE viewed_dst SET name = 'x' WHERE id = 7");
        // when
        DiffResult result = new DiffingTables().diff(pg.connection, target, DiffRequest.of(
                new TableRef("public", "viewed_view"), new TableRef("public", "viewed_dst"), List.of("id"))
                .withSegments(100, 8, 4), ProgressListener.NONE);
        // then
        assertThat(result.extraInTarget()).containsExactly(Map.of("id", 300L));
        assertThat(result.changed()).containsExactly(new ChangedRow(Map.of("id", 7L), List.of("name")));
    }
}

package dev.dimmer.projections.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/** The two forms of an insert, INSERT while following the log and COPY in a rebuild, store the very same rows. */
class InsertFormsTest {
    private static final String[] TEXTS = {"plain", "", null, "tab\there", "line\nbreak", "carriage\rreturn",
        "back\\slash", "\\N", "\\.", "ünïcødé ✓ 🚀", "quote ' and \" both", "trailing backslash \\"};
    private static final Instant[] TIMES = {Instant.parse("2026-11-24T05:00:00Z"),
        Instant.parse("2026-11-24T05:00:00.123456499Z"), Instant.parse("2026-11-24T05:00:00.123456500Z"),
        Instant.parse("2026-11-24T05:00:00.999999500Z"), Instant.parse("1970-01-01T00:00:00.000000001Z"),
        Instant.parse("1899-12-31T23:59:59.5Z"), Instant.parse("9999-12-31T23:59:59.999999Z")};
    private static TestDatabase database;

    @BeforeAll
    static void createTables() throws SQLException {
        database = TestPostgres.newDatabase();
        for (String table : List.of("inserted", "copied", "twice")) {
            execute("CREATE TABLE " + table + " (position BIGINT PRIMARY KEY, note TEXT, at TIMESTAMPTZ, "
                    + "payload JSON)");
        }
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void shouldStoreTheSameRowsWhetherInsertedOrCopied() throws Exception {
        // given rows with every awkward text, instants at the rounding edges, nulls and JSON with escapes
        List<Insert.Row> inserted = rows(Insert.into("inserted"));
        List<Insert.Row> copied = rows(Insert.into("copied"));

        // when one set goes in as INSERT and the other as COPY
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(inserted.get(0).insert().sql())) {
                for (Insert.Row row : inserted) {
                    row.bind(s);
                    s.addBatch();
                }
                s.executeBatch();
            }
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            new CopyText().write(copied, text);
            c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn(copied.get(0).insert().copy(), new ByteArrayInputStream(text.toByteArray()));
            c.commit();
        }

        // then both tables hold the same rows, value for value
        List<List<String>> fromInsert = read("inserted");
        assertThat(fromInsert).hasSize(TEXTS.length * TIMES.length);
        assertThat(read("copied")).isEqualTo(fromInsert);
        assertThat(fromInsert).extracting(row -> row.get(1)).containsAll(textsWithoutNull());
    }

    @Test
    void shouldAddARowOnlyOnceWhenInsertedTwice() throws Exception {
        // given a row already inserted
        Insert insert = Insert.into("twice").bigint("position").text("note").timestamptz("at").json("payload");
        Insert.Row row = insert.row(1_000_000L, "first", TIMES[0], "{}");
        Insert.Row again = insert.row(1_000_000L, "second", TIMES[1], "{}");

        // when the same key is inserted again
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(insert.sql())) {
            row.bind(s);
            s.executeUpdate();
            again.bind(s);
            s.executeUpdate();
        }

        // then the first row stands
        assertThat(read("twice"))
                .extracting(r -> r.get(1)).containsExactly("first");
    }

    private static List<Insert.Row> rows(Insert table) {
        Insert insert = table.bigint("position").text("note").timestamptz("at").json("payload");
        List<Insert.Row> rows = new ArrayList<>();
        long position = 0;
        for (String text : TEXTS) {
            for (Instant at : TIMES) {
                String json = text == null ? null : "{\"note\": \"" + text.replace("\\", "\\\\").replace("\"", "\\\"")
                        .replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r") + "\"}";
                rows.add(insert.row(position++, text, position % 5 == 0 ? null : at, json));
            }
        }
        return rows;
    }

    private static List<String> textsWithoutNull() {
        List<String> texts = new ArrayList<>(Arrays.asList(TEXTS));
        texts.removeIf(t -> t == null);
        return texts;
    }

    private static List<List<String>> read(String table) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT position::text, note, at::text, payload::text FROM " + table
                     + " ORDER BY position")) {
            List<List<String>> rows = new ArrayList<>();
            while (r.next()) {
                rows.add(Arrays.asList(r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
            }
            return rows;
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

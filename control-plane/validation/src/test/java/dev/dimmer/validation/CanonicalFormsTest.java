package dev.dimmer.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.validation.dialect.Column;
import dev.dimmer.validation.dialect.ValueKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every kind of value, rendered by each engine, must give exactly the documented canonical text. */
class CanonicalFormsTest {
    private static PostgresFixture pg;

    /** One column type on each engine, the values inserted (as SQL literals) and their canonical text. */
    private record TypeCase(String name, ValueKind kind, String postgresType, String mariaDbType,
                            List<String> postgresLiterals, List<String> mariaDbLiterals, List<String> canonical) {
    }

    private static List<String> values(String... literals) {
        return Arrays.asList(literals);
    }

    private static final List<TypeCase> CASES = List.of(
            new TypeCase("integers", ValueKind.INTEGER, "bigint", "BIGINT",
                    values("0", "-1", "9223372036854775807", "NULL"), null,
                    values("0", "-1", "9223372036854775807", null)),
            new TypeCase("decimals", ValueKind.DECIMAL, "numeric(15,3)", "DECIMAL(15,3)",
                    values("1.100", "1.000", "0", "-2.5", "123456789.123", "100", "NULL"), null,
                    values("1.1", "1", "0", "-2.5", "123456789.123", "100", null)),
            new TypeCase("whole_decimals", ValueKind.DECIMAL, "numeric(10,0)", "DECIMAL(10,0)",
                    values("100", "0", "-7"), null, values("100", "0", "-7")),
            new TypeCase("doubles", ValueKind.FLOAT, "double precision", "DOUBLE",
                    values("0.1", "1.5e-7", "1e20", "-2.25", "3.141592653589793", "1e-300", "1e40", "1.5e-14",
                            "123456789012345.6", "0", "1.2345678901234567e-14", "1e-25", "-1.7976931348623157e308",
                            "NULL"), null,
                    values("0.1", "0.00000015", "100000000000000000000", "-2.25", "3.141592653589793", "1e-300",
                            "1e40", "2^-60*17293.822569102704", "123456789012345.6", "0",
                            "2^-60*14233.598694204362", "2^-60*0.0000001152921504606847", "-1.7976931348623157e308",
                            null)),
            new TypeCase("reals", ValueKind.FLOAT, "real", "FLOAT",
                    values("0.1", "1.5", "-2.25", "NULL"), null, values("0.1", "1.5", "-2.25", null)),
            new TypeCase("booleans", ValueKind.BOOLEAN, "boolean", "BOOLEAN",
                    values("true", "false", "NULL"), values("TRUE", "FALSE", "NULL"), values("1", "0", null)),
            new TypeCase("texts", ValueKind.TEXT, "text", "VARCHAR(100)",
                    values("''", "'a|b'", "'héllo 😀 ñ'", "' padded '", "'N'", "NULL"), null,
                    values("", "a|b", "héllo 😀 ñ", " padded ", "N", null)),
            new TypeCase("latin1_texts", ValueKind.TEXT, "varchar(20)", "VARCHAR(20) CHARACTER SET latin1",
                    values("'héllo'", "'ÿ'", "NULL"), null, values("héllo", "ÿ", null)),
            new TypeCase("dates", ValueKind.DATE, "date", "DATE",
                    values("'2024-02-29'", "'1999-12-31'", "NULL"), null, values("2024-02-29", "1999-12-31", null)),
            new TypeCase("whole_seconds", ValueKind.TIMESTAMP, "timestamp(0)", "DATETIME",
                    values("'2024-01-02 03:04:10'"), null, values("2024-01-02 03:04:10")),
            new TypeCase("times", ValueKind.TIME, "time(6)", "TIME(6)",
                    values("'13:14:15.25'", "'00:00:00'"), null, values("13:14:15.25", "00:00:00")),
            new TypeCase("timestamps", ValueKind.TIMESTAMP, "timestamp(6)", "DATETIME(6)",
                    values("'2024-01-02 03:04:05.123456'", "'2024-01-02 03:04:10'", "NULL"), null,
                    values("2024-01-02 03:04:05.123456", "2024-01-02 03:04:10", null)),
            new TypeCase("instants", ValueKind.TIMESTAMP_TZ, "timestamptz(6)", "TIMESTAMP(6) NULL",
                    values("'2024-01-02 05:04:05.5+02'", "NULL"), values("'2024-01-02 03:04:05.5'", "NULL"),
                    values("2024-01-02 03:04:05.5", null)),
            new TypeCase("binaries", ValueKind.BINARY, "bytea", "VARBINARY(20)",
                    values("'\\x00ff10'::bytea", "''::bytea", "NULL"), values("x'00ff10'", "''", "NULL"),
                    values("00ff10", "", null)),
            new TypeCase("uuids", ValueKind.UUID, "uuid", "UUID",
                    values("'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'", "NULL"), null,
                    values("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", null)));

    @BeforeAll
    static void startDatabase() {
        pg = new PostgresFixture();
    }

    @AfterAll
    static void dropDatabase() {
        pg.close();
    }

    private static void createOn(java.util.function.Consumer<String[]> execute, TypeCase type, String columnType,
                                 List<String> literals) {
        List<String> statements = new ArrayList<>();
        statements.add("CREATE TABLE " + type.name() + " (id int PRIMARY KEY, v " + columnType + ")");
        for (int i = 0; i < literals.size(); i++) {
            statements.add("INSERT INTO " + type.name() + " VALUES (" + i + ", " + literals.get(i) + ")");
        }
        execute.accept(statements.toArray(String[]::new));
    }

    /** Canonical text and row hash of each row, by id, as the given engine computes them. */
    private static Map<Integer, List<String>> rendered(Database database, TypeCase type) {
        TableShape shape = new ReadingTableShape().read(database, new TableRef("", type.name()));
        Column id = shape.require("id", "test");
        Column v = shape.require("v", "test");
        assertThat(v.kind()).as("kind of %s on %s", type.name(), database.dialect().name()).isEqualTo(type.kind());
        String sql = "SELECT id, " + database.dialect().canonical(v) + ", CAST("
                + database.dialect().canonicalRowHash(List.of(id, v)) + " AS CHAR(20)) FROM "
                + database.dialect().quote(type.name());
        return database.query(sql.replace("CHAR(20)", database.dialect().name().equals("PostgreSQL")
                ? "varchar(20)" : "CHAR(20)"), List.of(), rows -> {
            Map<Integer, List<String>> byId = new TreeMap<>();
            while (rows.next()) {
                byId.put(rows.getInt(1), Arrays.asList(rows.getString(2), rows.getString(3)));
            }
            return byId;
        });
    }

    private static List<String> texts(Map<Integer, List<String>> rendered) {
        return rendered.values().stream().map(pair -> pair.get(0)).toList();
    }

    @Test
    void canRenderEveryKindCanonicallyOnPostgres() {
        for (TypeCase type : CASES) {
            // given
            createOn(pg::execute, type, type.postgresType(), type.postgresLiterals());
            // when
            Map<Integer, List<String>> rendered = rendered(pg.connection, type);
            // then
            assertThat(texts(rendered)).as(type.name()).containsExactlyElementsOf(type.canonical());
        }
    }

    @Test
    void canRenderEveryKindCanonicallyOnMariaDbAndHashRowsAsPostgresDoes() {
        try (MariaDbFixture maria = MariaDbFixture.startOrSkip(); PostgresFixture other = new PostgresFixture()) {
            for (TypeCase type : CASES) {
                // given the same values on both engines
                createOn(other::execute, type, type.postgresType(), type.postgresLiterals());
                createOn(maria::execute, type, type.mariaDbType(),
                        type.mariaDbLiterals() == null ? type.postgresLiterals() : type.mariaDbLiterals());
                // when
                Map<Integer, List<String>> onMaria = rendered(maria.connection, type);
                Map<Integer, List<String>> onPostgres = rendered(other.connection, type);
                // then
                assertThat(texts(onMaria)).as(type.name()).containsExactlyElementsOf(type.canonical());
                assertThat(onMaria).as("row hashes of " + type.name()).isEqualTo(onPostgres);
            }
        }
    }
}

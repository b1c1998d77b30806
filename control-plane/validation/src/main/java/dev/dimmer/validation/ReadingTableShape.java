package dev.dimmer.validation;

import dev.dimmer.validation.dialect.Column;
import dev.dimmer.validation.dialect.Dialect;
import dev.dimmer.validation.dialect.ValueKind;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/** Reads a table's columns and primary key from the JDBC catalog of either engine. */
public final class ReadingTableShape {
    public TableShape read(Database database, TableRef table) {
        TableShape shape = database.withConnection(connection -> read(connection, database.dialect(), table));
        if (shape.columns().isEmpty()) {
            throw new TableNotFoundException(database.label(),
                    "table " + table + " was not found on the " + database.label()
                    + " database; check the schema and table name (they are case-sensitive)");
        }
        return shape;
    }

    /** MariaDB columns whose character set stores text as UTF-8 bytes already (ascii and utf8mb3 are subsets). */
    private static Set<String> utf8Columns(Connection connection, String schema, String table) throws SQLException {
        Set<String> names = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT COLUMN_NAME FROM "
                + "information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND CHARACTER_SET_NAME IN "
                + "('utf8mb4', 'utf8mb3', 'utf8', 'ascii')")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    private static TableShape read(Connection connection, Dialect dialect, TableRef table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        boolean schemaIsCatalog = !dialect.name().equals("PostgreSQL");
        String schema = table.schema().isEmpty()
                ? (schemaIsCatalog ? connection.getCatalog() : connection.getSchema())
                : table.schema();
        String catalog = schemaIsCatalog ? schema : null;
        String schemaPattern = schemaIsCatalog ? null : schema;
        Set<String> utf8 = schemaIsCatalog ? utf8Columns(connection, schema, table.name()) : Set.of();
        List<Column> columns = new ArrayList<>();
        try (ResultSet rows = meta.getColumns(catalog, schemaPattern, table.name(), null)) {
            while (rows.next()) {
                // Catalog patterns treat '_' as a wildcard, so keep only the table asked for.
                if (!rows.getString("TABLE_NAME").equals(table.name())) {
                    continue;
                }
                String typeName = rows.getString("TYPE_NAME");
                ValueKind kind = dialect.kindOf(rows.getInt("DATA_TYPE"), typeName);
                String name = rows.getString("COLUMN_NAME");
                columns.add(new Column(name, kind, typeName,
                        dialect.scaleOf(kind, rows.getInt("DECIMAL_DIGITS"), rows.getInt("COLUMN_SIZE")),
                        rows.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                        !schemaIsCatalog || utf8.contains(name)));
            }
        }
        TreeMap<Short, String> key = new TreeMap<>();
        try (ResultSet rows = meta.getPrimaryKeys(catalog, schemaPattern, table.name())) {
            while (rows.next()) {
                key.put(rows.getShort("KEY_SEQ"), rows.getString("COLUMN_NAME"));
            }
        }
        return new TableShape(new TableRef(schema == null ? "" : schema, table.name()), columns,
                List.copyOf(key.values()));
    }
}

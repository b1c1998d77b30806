package dev.dimmer.core.validation;

import dev.dimmer.core.validation.dialect.Column;
import dev.dimmer.core.validation.dialect.Dialect;
import dev.dimmer.core.validation.dialect.ValueKind;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Reads a table's columns and primary key from the JDBC catalog of either engine. */
public final class ReadingTableShape {
    public TableShape read(Database database, TableRef table) {
        TableShape shape = database.withConnection(connection -> read(connection, database.dialect(), table));
        if (shape.columns().isEmpty()) {
            throw new ValidationException("table " + table + " was not found on the " + database.label()
                    + " database; check the schema and table name (they are case-sensitive)");
        }
        return shape;
    }

    private static TableShape read(Connection connection, Dialect dialect, TableRef table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        boolean schemaIsCatalog = !dialect.name().equals("PostgreSQL");
        String schema = table.schema().isEmpty()
                ? (schemaIsCatalog ? connection.getCatalog() : connection.getSchema())
                : table.schema();
        String catalog = schemaIsCatalog ? schema : null;
        String schemaPattern = schemaIsCatalog ? null : schema;
        List<Column> columns = new ArrayList<>();
        try (ResultSet rows = meta.getColumns(catalog, schemaPattern, table.name(), null)) {
            while (rows.next()) {
                // Catalog patterns treat '_' as a wildcard, so keep only the table asked for.
                if (!rows.getString("TABLE_NAME").equals(table.name())) {
                    continue;
                }
                String typeName = rows.getString("TYPE_NAME");
                ValueKind kind = dialect.kindOf(rows.getInt("DATA_TYPE"), typeName);
                columns.add(new Column(rows.getString("COLUMN_NAME"), kind, typeName,
                        dialect.scaleOf(kind, rows.getInt("DECIMAL_DIGITS"), rows.getInt("COLUMN_SIZE"))));
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

package dev.dimmer.validation;

import dev.dimmer.validation.dialect.Column;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The columns of a table, in catalog order, and its primary key (empty when it has none). */
public record TableShape(TableRef table, List<Column> columns, List<String> primaryKey) {
    public Optional<Column> column(String name) {
        for (Column column : columns) {
            if (column.name().equals(name)) {
                return Optional.of(column);
            }
        }
        for (Column column : columns) {
            if (column.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    public Column require(String name, String side) {
        return column(name).orElseThrow(() -> new ValidationException("column " + name + " does not exist in "
                + side + " table " + table + "; check --key and --columns"));
    }
}

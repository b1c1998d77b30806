package dev.dimmer.validation;

/** A table named by schema (database on MariaDB) and name; the schema may be empty for the connection's default. */
public record TableRef(String schema, String name) {
    public static TableRef parse(String qualified) {
        if (qualified == null || qualified.isBlank()) {
            throw new ValidationException("table name is empty: give it as SCHEMA.TABLE or TABLE");
        }
        int dot = qualified.lastIndexOf('.');
        return dot < 0 ? new TableRef("", qualified) : new TableRef(qualified.substring(0, dot),
                qualified.substring(dot + 1));
    }

    @Override
    public String toString() {
        return schema.isEmpty() ? name : schema + "." + name;
    }
}

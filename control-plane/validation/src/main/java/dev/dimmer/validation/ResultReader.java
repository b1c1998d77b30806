package dev.dimmer.validation;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Turns a whole result set into a value. */
@FunctionalInterface
public interface ResultReader<T> {
    T read(ResultSet rows) throws SQLException;
}

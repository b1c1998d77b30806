package dev.dimmer.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalDouble;

/** Reads the CPU seconds used so far by a local PostgreSQL server, through one backend it keeps open. */
public final class PostgresCpuProbe implements AutoCloseable {
    private final Connection connection;
    private final long backendPid;

    /** Keeps the connection (and closes it) to learn the server's process from its backend. */
    public PostgresCpuProbe(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            backendPid = rows.getLong(1);
        }
    }

    /** CPU seconds of the whole server so far, or NaN where /proc does not show it (a remote server). */
    public double seconds() {
        OptionalDouble seconds = ServerCpuTime.postgres(backendPid);
        return seconds.isPresent() ? seconds.getAsDouble() : Double.NaN;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}

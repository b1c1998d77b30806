package dev.dimmer.core.axon;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon that a PostgreSQL unique violation (SQLSTATE 23505) on the event table is a concurrent append to the
 * same aggregate sequence number, so it surfaces as a conflict rather than a storage failure. Axon's default
 * resolver only recognises {@code SQLIntegrityConstraintViolationException}, which the PostgreSQL driver never throws.
 */
final class PostgresErrorResolver implements PersistenceExceptionResolver {
    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}

package dev.dimmer.validation;

import dev.dimmer.validation.dialect.Column;
import dev.dimmer.validation.dialect.ValueKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * freshness: the lag of the newest value of a timestamp (or date) column behind {@code now}, which the caller
 * passes in so that scheduled checks and tests decide the clock. Timestamps without a zone are read as UTC.
 */
public final class CheckingFreshness {
    public FreshnessResult check(Database database, TableRef table, String column, String where,
                                 Duration tolerance, Instant now) {
        Column timestamp = new ReadingTableShape().read(database, table).require(column, database.label());
        if (timestamp.kind() != ValueKind.TIMESTAMP && timestamp.kind() != ValueKind.TIMESTAMP_TZ
                && timestamp.kind() != ValueKind.DATE) {
            throw new ValidationException("freshness on " + table + "." + column + " needs a timestamp or date "
                    + "column, not " + timestamp.typeName());
        }
        String name = database.dialect().quote(timestamp.name());
        // The newest row through the column's index, rendered in the canonical UTC text both engines share.
        String sql = "SELECT " + database.dialect().canonical(timestamp) + " FROM "
                + database.dialect().table(table.schema(), table.name()) + " WHERE " + name + " IS NOT NULL"
                + (where == null || where.isBlank() ? "" : " AND (" + where + ")") + " ORDER BY " + name
                + " DESC LIMIT 1";
        String newest = database.query(sql, List.of(), rows -> rows.next() ? rows.getString(1) : null);
        if (newest == null) {
            return new FreshnessResult(false, null, null, tolerance);
        }
        Instant latest = timestamp.kind() == ValueKind.DATE
                ? LocalDate.parse(newest).atStartOfDay(ZoneOffset.UTC).toInstant()
                : LocalDateTime.parse(newest.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        Duration lag = Duration.between(latest, now);
        return new FreshnessResult(lag.compareTo(tolerance) <= 0, latest, lag, tolerance);
    }
}

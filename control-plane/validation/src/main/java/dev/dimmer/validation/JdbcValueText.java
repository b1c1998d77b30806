package dev.dimmer.validation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The canonical text of a value as a JDBC driver returns it, matching the SQL-side canonical forms, so results
 * of user queries (aggregate groups, custom query pairs) compare across engines.
 */
public final class JdbcValueText {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private JdbcValueText() {
    }

    public static String of(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
            return plain(number(value));
        }
        if (value instanceof Number || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof Boolean flag) {
            return flag ? "1" : "0";
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp(timestamp.toLocalDateTime());
        }
        if (value instanceof LocalDateTime timestamp) {
            return timestamp(timestamp);
        }
        if (value instanceof OffsetDateTime instant) {
            return timestamp(instant.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        }
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        return value.toString();
    }

    /** The value as a number, or null when it is not one. */
    public static BigDecimal number(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString());
        }
        if (value instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (value instanceof Number number) {
            return BigDecimal.valueOf(number.longValue());
        }
        return null;
    }

    /** Seconds, then the fraction without trailing zeros (none when it is zero), as the SQL canonical form. */
    private static String timestamp(LocalDateTime value) {
        int micros = value.getNano() / 1000;
        if (micros == 0) {
            return SECONDS.format(value);
        }
        String fraction = String.format("%06d", micros).replaceAll("0+$", "");
        return SECONDS.format(value) + "." + fraction;
    }

    private static String plain(BigDecimal decimal) {
        return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
    }
}

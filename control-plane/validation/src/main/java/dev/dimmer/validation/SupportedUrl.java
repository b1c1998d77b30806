package dev.dimmer.validation;

import java.util.Locale;

/**
 * The JDBC URLs Dimmer opens are {@code jdbc:postgresql:} and {@code jdbc:mariadb:} (MariaDB's driver also reaches
 * MySQL). The spellings people copy from elsewhere get a one-line correction instead of the driver manager's
 * "No suitable driver".
 */
final class SupportedUrl {
    private SupportedUrl() {
    }

    static void require(String label, String url, String redacted) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:") || lower.startsWith("jdbc:mariadb:")) {
            return;
        }
        String rest = url == null ? "" : redacted.replaceFirst("^(?i)(jdbc:)?[a-z0-9+]+:", "");
        String suggestion;
        if (lower.startsWith("jdbc:mysql:") || lower.startsWith("mysql:") || lower.startsWith("mariadb:")) {
            suggestion = "jdbc:mariadb:" + rest + " (MariaDB's driver also reaches MySQL)";
        } else if (lower.startsWith("postgres:") || lower.startsWith("postgresql:")
                || lower.startsWith("jdbc:postgres:") || lower.startsWith("jdbc:pgsql:")) {
            suggestion = "jdbc:postgresql:" + rest;
        } else {
            suggestion = "jdbc:postgresql://HOST:5432/DB or jdbc:mariadb://HOST:3306/DB";
        }
        throw new ValidationException("the " + label + " URL " + redacted + " is not one Dimmer can open: write "
                + suggestion);
    }
}

package dev.dimmer.api.migration;

import java.util.regex.Pattern;

/**
 * The shapes a migration id and a wave name can have, as the plan format defines them (a plan's slug, a wave's
 * name). Anything else is refused where it enters (path, body, Slack argument), before it reaches a query, the
 * event store or a log line.
 */
public final class Ids {
    public static final int MAX_LENGTH = 63;
    /** The plan format sets no length for names; this keeps an absurd one out of queries and messages. */
    public static final int MAX_WAVE_LENGTH = 200;
    private static final Pattern MIGRATION = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final Pattern WAVE = Pattern.compile("[a-z][a-z0-9_-]{0,199}");

    private Ids() {
    }

    public static boolean isMigrationId(String id) {
        return id != null && MIGRATION.matcher(id).matches();
    }

    public static boolean isWaveName(String name) {
        return name != null && WAVE.matcher(name).matches();
    }

    public static String requireMigrationId(String id) {
        if (!isMigrationId(id)) {
            throw new CommandRejectedException(RejectionCode.INVALID_ID, "'" + shown(id) + "' is not a migration "
                    + "id: ids are lowercase letters, digits and hyphens, starting with a letter, at most "
                    + MAX_LENGTH + " long (e.g. orders-to-managed-pg)");
        }
        return id;
    }

    public static String requireWaveName(String name) {
        if (!isWaveName(name)) {
            throw new CommandRejectedException(RejectionCode.INVALID_ID, "'" + shown(name) + "' is not a wave name: "
                    + "names are lowercase letters, digits, hyphens and underscores, starting with a letter, at most "
                    + MAX_WAVE_LENGTH + " long (e.g. orders)");
        }
        return name;
    }

    public static String requireSwitchName(String name) {
        if (!isWaveName(name)) {
            throw new CommandRejectedException(RejectionCode.INVALID_ID, "'" + shown(name) + "' is not a switch "
                    + "name: names are lowercase letters, digits, hyphens and underscores, starting with a letter, "
                    + "at most " + MAX_WAVE_LENGTH + " long (e.g. orders-read-path)");
        }
        return name;
    }

    /** Input safe to echo in a message or a log line: control characters escaped, length capped. */
    public static String shown(String text) {
        return escaped(text, 120);
    }

    /** Input safe for a log line, whole: control characters escaped, so no line can be forged. */
    public static String escaped(String text) {
        return escaped(text, Integer.MAX_VALUE);
    }

    private static String escaped(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return i < text.length() ? out + "..." : out.toString();
    }
}

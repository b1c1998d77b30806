package dev.dimmer.projections.instant;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Where a replay of a migration's events stops: after the last event stored at or before an instant, after the last
 * event at or before a position of the log, or just before one event. The events of a migration are replayed in
 * their sequence, so a replay is always a prefix of its history.
 */
public sealed interface Cutoff {
    /** Whether an event (its global index, its store time: null unless the cutoff is an instant, its id) is still part of the replay. */
    boolean takes(long position, Instant storedAt, String eventId);

    record AtInstant(Instant instant) implements Cutoff {
        @Override
        public boolean takes(long position, Instant storedAt, String eventId) {
            return !storedAt.isAfter(instant);
        }
    }

    record AtPosition(long position) implements Cutoff {
        @Override
        public boolean takes(long position, Instant storedAt, String eventId) {
            return position <= this.position;
        }
    }

    record BeforeEvent(String eventId) implements Cutoff {
        @Override
        public boolean takes(long position, Instant storedAt, String eventId) {
            return !this.eventId.equals(eventId);
        }
    }

    /**
     * Reads {@code at} as a position (a whole number) or an ISO-8601 instant with its offset; throws with a sentence
     * that says what is accepted.
     */
    static Cutoff parse(String at) {
        String text = at == null ? "" : at.strip();
        try {
            if (text.matches("\\d+")) {
                return new AtPosition(Long.parseLong(text));
            }
            return new AtInstant(OffsetDateTime.parse(text).toInstant());
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("'" + at + "' is neither a log position (a whole number such as 1234) "
                    + "nor an instant with its offset (such as 2026-12-01T10:00:00Z)");
        }
    }
}

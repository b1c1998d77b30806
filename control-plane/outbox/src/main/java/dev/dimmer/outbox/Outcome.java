package dev.dimmer.outbox;

import java.time.Duration;

/** How a delivery went; each answer tells the relay what to do with the row. */
public sealed interface Outcome {
    /** Done; the receipt (e.g. Slack's message ts) is kept on the row, and may be null. */
    record Delivered(String receipt) implements Outcome {
    }

    /** The receiver is overloaded and said when to come back: the relay pauses the whole topic that long. */
    record RetryAfter(Duration delay, String error) implements Outcome {
    }

    /** Try again later, with the relay's back-off; the key's later messages wait. */
    record Transient(String error) implements Outcome {
    }

    /** The same message will fail again: marked failed at once, and the key's later messages go on. */
    record Permanent(String error, String advice) implements Outcome {
    }
}

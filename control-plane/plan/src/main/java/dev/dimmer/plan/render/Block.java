package dev.dimmer.plan.render;

import java.util.List;

/** A piece of a runbook section, independent of the output format. */
public sealed interface Block {
    record Paragraph(String text) implements Block {
    }

    record Heading(String text) implements Block {
    }

    record Bullets(List<String> items) implements Block {
    }

    record Steps(List<String> items) implements Block {
    }

    /** Lines shown verbatim (SQL, cron). */
    record Code(String text) implements Block {
    }

    record Checklist(List<CheckItem> items) implements Block {
    }

    record Table(List<String> headers, List<List<String>> rows) implements Block {
    }

    /** A checklist line; {@code ticked} when the plan already shows it is covered. */
    record CheckItem(boolean ticked, String text) {
    }
}

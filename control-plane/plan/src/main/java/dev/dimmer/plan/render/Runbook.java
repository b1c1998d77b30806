package dev.dimmer.plan.render;

import java.util.List;

/** The runbook a lead runs a cutover from, as sections of blocks, before it is written as Markdown or HTML. */
public record Runbook(String title, List<Section> sections) {
    public Runbook {
        sections = List.copyOf(sections);
    }
}

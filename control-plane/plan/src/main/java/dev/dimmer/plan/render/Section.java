package dev.dimmer.plan.render;

import java.util.List;

/** A titled part of a runbook. */
public record Section(String title, List<Block> blocks) {
    public Section {
        blocks = List.copyOf(blocks);
    }
}

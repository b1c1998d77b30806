package dev.dimmer.plan;

import dev.dimmer.api.plan.MigrationPlan;
import java.util.List;

/**
 * A load result together with the positions of the plan's fields, for tools that point into the file after
 * loading (lint findings, editors).
 */
public final class LoadedPlan {
    private final PlanLoadResult result;
    private final LocatedDocument document;

    LoadedPlan(PlanLoadResult result, LocatedDocument document) {
        this.result = result;
        this.document = document;
    }

    public PlanLoadResult result() {
        return result;
    }

    /** The plan, or null when it is invalid. */
    public MigrationPlan plan() {
        return result.plan();
    }

    public List<PlanProblem> problems() {
        return result.problems();
    }

    /** False when the text is not YAML or JSON at all (or empty); true when it parsed, valid or not. */
    public boolean readable() {
        return document.root() != null;
    }

    public String source() {
        return document.source();
    }

    /** A problem about {@code path}, placed at that field or its nearest existing parent. */
    public PlanProblem at(String path, String message) {
        return document.problem(path, message);
    }
}

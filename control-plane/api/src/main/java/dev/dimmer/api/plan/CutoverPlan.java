package dev.dimmer.api.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;

/**
 * What runs when a wave cuts over, after its reads move to the target: the same kinds of step as a rollback
 * (switch, sql, http, notify), each naming the waves whose cutover runs it (every wave's when left out).
 */
public record CutoverPlan(List<RollbackAction> actions) {
    public static final CutoverPlan NONE = new CutoverPlan(null);

    @JsonCreator
    public CutoverPlan {
        actions = Lists.of(actions);
    }

    /** The steps the cutover of {@code wave} runs, in plan order. */
    public List<RollbackAction> actionsFor(String wave) {
        return actions.stream().filter(a -> a.appliesTo(wave)).toList();
    }
}

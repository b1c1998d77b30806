package dev.dimmer.validation;

import java.util.List;

/** aggregate: how many groups were compared and the ones outside the tolerance. */
public record AggregateResult(boolean passed, int groups, List<GroupDifference> outside) {
}

package dev.dimmer.validation;

import java.math.BigDecimal;

/** A group whose values are further apart than the tolerance; a value is null where the group is absent. */
public record GroupDifference(String group, BigDecimal source, BigDecimal target) {
}

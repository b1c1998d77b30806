package dev.dimmer.api.plan;

/**
 * What the dataset's consumers are promised.
 *
 * @param freshness    how old the newest data may be, e.g. {@code 15m}
 * @param availability share of time it must be readable, e.g. {@code 99.9%}
 */
public record DatasetSla(PlanDuration freshness, Percent availability) {
}

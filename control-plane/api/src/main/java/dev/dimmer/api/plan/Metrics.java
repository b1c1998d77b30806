package dev.dimmer.api.plan;

/**
 * Where service evidence comes from.
 *
 * @param prometheus the base URL of the Prometheus that {@code metric} validations query, e.g.
 *                   {@code http://prometheus.internal:9090}; null when the plan has no metric validations
 */
public record Metrics(String prometheus) {
    public static final Metrics NONE = new Metrics(null);
}

package dev.dimmer.api.plan;

import java.util.List;

/** Everything the migration touches: the data, what produces it and everyone who reads it. */
public record Inventory(List<Dataset> datasets, List<Pipeline> pipelines, List<Consumer> consumers) {
    public static final Inventory NONE = new Inventory(null, null, null);

    public Inventory {
        datasets = Lists.of(datasets);
        pipelines = Lists.of(pipelines);
        consumers = Lists.of(consumers);
    }
}
